# Augmented assignment |= &= -= ^= on sets (in place) and frozensets (rebinding).
s = {1, 2, 3}
alias = s
s |= {4, 5}
print(s, alias, s is alias)
s &= {1, 3, 5, 7}
print(s, alias, s is alias)
s -= {5}
print(s, alias, s is alias)
s ^= {3, 10}
print(s, alias, s is alias)
s |= frozenset([20])
s &= frozenset([1, 10, 20, 30])
s -= frozenset([30])
s ^= frozenset([40])
print(s, type(s).__name__, s is alias)
f = frozenset({1, 2, 3})
falias = f
f |= {4}
print(f, falias, f is falias, type(f).__name__)
f = falias
f &= {2, 3, 9}
print(f, falias, f is falias, type(f).__name__)
f = falias
f -= {1}
print(f, falias, f is falias)
f = falias
f ^= {1, 5}
print(f, falias, f is falias)
t = {1, 2}
t |= t
print(t)
t &= t
print(t)
t ^= t
print(t)
t = {1, 2}
t -= t
print(t)
u = {1, 2, 3}
for op in ["|=", "&=", "-=", "^="]:
    for other in [[1], (2,), range(3), "a", 5, {1: 1}]:
        v = set(u)
        try:
            if op == "|=":
                v |= other
            elif op == "&=":
                v &= other
            elif op == "-=":
                v -= other
            else:
                v ^= other
            print(op, "ok", v)
        except TypeError as e:
            print(op, "TypeError:", e)
class Box:
    def __init__(self):
        self.items = {0}
b = Box()
b.items |= {1, 2}
b.items -= {0}
print(b.items)
d = {"k": {5}}
d["k"] |= {6}
d["k"] ^= {5, 7}
print(d)
lst = [{1}, {2}]
lst[0] |= lst[1]
lst[1] &= {3}
print(lst)
acc = set()
for i in range(10):
    acc |= {i % 4}
    acc ^= {100}
print(acc)
g = set(range(10))
h = g
g = g - {1}
print(g is h, h, g)
def grow(z):
    z |= {99}
    return z
orig = {1}
res = grow(orig)
print(orig, res is orig)
forig = frozenset({1})
fres = grow(forig)
print(forig, fres, fres is forig)
