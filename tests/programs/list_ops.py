# List operators and builtins over lists.
a = [3, 1, 4, 1, 5]
b = [9, 2, 6]
print(a + b, b * 2, len(a + b), 4 in a, 7 in a, 7 not in b)
print(a == [3, 1, 4, 1, 5], a != b, a < b, [1, 2] < [1, 2, 3], [2] > [1, 99], [] < [0])
print(min(a), max(a), sum(a), sum(b, 10), sorted(a + b))
c = a
c += [2, 6]
print(a, c is a)
d = [0]
d *= 3
print(d)
print(list(reversed(a)), a[::-1] == list(reversed(a)))
e = [x for x in range(20) if x % 3 == 0]
print(e, len(e))
f = []
for i in range(5):
    f = f + [i]
print(f)
print([[1, 2], [3]] + [[4]], [None] * 3, [1, "a", 2.5, None, True])
g = list(range(5))
g[2] = "two"
g[-1] = [4]
print(g)
try:
    g[10] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    print(g[-6])
except IndexError as e:
    print("IndexError:", e)
print(any([0, 0, 1]), all([1, 2, 0]), any([]), all([]))
