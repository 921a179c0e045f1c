# The exact order of calls in with statements, and values passing through them.
log = []
class Tracked:
    def __init__(self, name, suppress=False, enter_value=None):
        log.append("init " + name)
        self.name, self.suppress, self.enter_value = name, suppress, enter_value
    def __enter__(self):
        log.append("enter " + self.name)
        return self.enter_value if self.enter_value is not None else self
    def __exit__(self, exc_type, exc, tb):
        log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else "-"))
        return self.suppress

def returns_through():
    with Tracked("a"), Tracked("b"):
        log.append("body")
        return "value"

print(returns_through(), log); log.clear()

def loop_control():
    out = []
    for i in range(4):
        with Tracked("L%d" % i):
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
    return out

print(loop_control(), log); log.clear()

def exception_order():
    try:
        with Tracked("outer"), Tracked("inner", suppress=False):
            raise ValueError("x")
    except ValueError as e:
        log.append("caught " + str(e))

exception_order(); print(log); log.clear()

def suppress_middle():
    with Tracked("o"):
        with Tracked("m", suppress=True):
            with Tracked("i"):
                raise KeyError("k")
        log.append("after m")
    return "done"

print(suppress_middle(), log); log.clear()

with Tracked("t", enter_value=(1, 2)) as (p, q):
    print("unpacked", p, q)
print(log); log.clear()

class Holder:
    pass
h = Holder()
d = {}
with Tracked("attr", enter_value=5) as h.value, Tracked("item", enter_value=6) as d["k"]:
    pass
print(h.value, d, log); log.clear()

def gen():
    with Tracked("gen"):
        yield 1
        yield 2
    yield 3

print(list(gen()), log); log.clear()

class Truthy:
    def __bool__(self):
        log.append("bool")
        return True
class SuppressWithObject:
    def __enter__(self): return self
    def __exit__(self, *a): return Truthy()
with SuppressWithObject():
    raise IndexError("gone")
print("suppressed by truthy object", log); log.clear()

def exit_sees_exception():
    seen = []
    class Spy:
        def __enter__(self): return self
        def __exit__(self, t, v, tb):
            seen.append((t, type(v), v.args if v else None))
            return True
    with Spy():
        [][1]
    with Spy():
        pass
    return seen

print(exit_sees_exception())

def hot(n):
    class Counter:
        count = 0
        def __enter__(self):
            Counter.count += 1
            return Counter.count
        def __exit__(self, *a):
            return None
    total = 0
    c = Counter()
    for i in range(n):
        with c as k:
            total += k
    return total

print(hot(5000))
