# Set comprehensions and star unpacking in set displays.
print({x * x for x in range(10)})
print({x % 5 for x in range(100)})
print({x for x in range(30) if x % 3 == 0 if x % 2 == 0})
print({(i, j) for i in range(3) for j in range(3) if i < j})
print({i * j for i in range(1, 6) for j in range(1, 6)})
print({x for row in [[1, 2], [2, 3], [3, 4]] for x in row})
print(sorted({w.lower() for w in "The the THE cat Cat dog".split()}))
print({len(w) for w in ["a", "bb", "cc", "ddd"]})
x = "outer"
s = {x for x in range(3)}
print(s, x)
i = 99
print({i + 1 for i in range(3)}, i)
def f(n):
    return {k * n for k in range(5)}
print(f(3), f(0))
def g():
    base = 100
    return {base + k for k in range(3)}
print(g())
fs = frozenset({y - 1 for y in [1, 2, 3]})
print(fs)
print({-x for x in range(-3, 4)})
print({abs(x) for x in range(-3, 4)})
print({(x, x % 2 == 0) for x in range(4)})
print({x for x in []}, {x for x in {}})
print({x for x in {3: 0, 1: 0, 2: 0}})
print({c for c in "aaaa"})
nested = {frozenset({a, b}) for a in range(3) for b in range(3)}
print(len(nested), sorted(sorted(z) for z in nested))
adders = [lambda v, k=k: v + k for k in range(3)]
print({fn(10) for fn in adders})
a = [1, 2, 3]
b = (3, 4, 5)
c = {5, 6}
print({*a, *b})
print({*a, *b, *c})
print({0, *a, 10, *b, 20})
print({*range(5), *range(3, 8)})
print({*"aab"} == {"a", "b"})
print({*{1: "x", 2: "y"}})
print({*a}, {*[]}, {*(), *[], 4})
print({*(n * 2 for n in range(4))})
print(type({*a}).__name__)
m = 0
def side(v):
    global m
    m += 1
    return v
print({side(1), side(2), side(1)}, m)
order = []
def rec(v):
    order.append(v)
    return v
print({rec(3), rec(1), rec(2)}, order)
order.clear()
print({rec(v) for v in [9, 8, 7]}, order)
gen = (x for x in range(5))
print({y for y in gen if y > 1}, list(gen))
