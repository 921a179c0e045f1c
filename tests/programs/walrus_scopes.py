if (n := 10) > 5:
    print(n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * 2) > 4], y)
def f(xs):
    total = 0
    vals = [(total := total + x) for x in xs]
    return vals, total
print(f([1, 2, 3]))
def g():
    found = any((hit := v) > 3 for v in range(10))
    return found, hit
print(g())
def h():
    return [[(last := i * j) for i in range(3)] for j in range(3)], last
print(h())
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((a := 1, b := 2), a, b)
def k():
    def inner():
        return [w := q for q in range(3)]
    return inner()
print(k())
lam = lambda: (z := 5) + z
print(lam())
at_module = [m for m in range(3) if (z2 := m) == 2]
print(z2)
