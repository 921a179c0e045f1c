class CM:
    def __init__(self, name, suppress=False):
        self.name = name; self.suppress = suppress
    def __enter__(self):
        print("enter", self.name); return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress
with CM("a") as x:
    print("body", x)
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("s", True):
    raise ValueError("boom")
print("after")
try:
    with CM("o"), CM("i", True):
        1 / 0
    print("suppressed inner")
    with CM("o2"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
def f():
    for i in range(3):
        with CM(str(i)):
            if i == 0: continue
            if i == 1: break
    with CM("r"):
        return "ret"
print(f())
def g():
    with CM("g", True):
        try:
            raise TypeError("t")
        finally:
            print("finally")
    return "g done"
print(g())
try:
    with 1: pass
except TypeError as e: print(e)
class E:
    def __enter__(self): raise RuntimeError("in enter")
    def __exit__(self, *a): print("never")
try:
    with E(): print("no")
except RuntimeError as e: print(e)
class X:
    def __enter__(self): return self
    def __exit__(self, *a): raise LookupError("in exit")
try:
    with X(): raise ValueError("v")
except LookupError as e: print(e, repr(e.__context__))
class Quiet:
    def __enter__(self): return 1
    def __exit__(self, *a): return None
t = 0
for i in range(3000):
    with Quiet() as q:
        t += q
print(t)
