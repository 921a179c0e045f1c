# Tuples: creation, indexing, slicing, operators, comparison.
t = (1, 2, 3)
e = ()
one = (5,)
print(t, e, one, len(t), len(e), len(one), type(one).__name__, (5))
print(t[0], t[-1], t[1:], t[::-1], t[:0])
print(t + (4, 5), t * 2, one * 3, 2 in t, 9 in t, 9 not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, 2) == (1, 2), () < (0,))
print(tuple([1, 2]), tuple("ab"), tuple(range(4)), tuple())
nested = ((1, 2), (3, (4, 5)), "s")
print(nested, nested[1][1][0], len(nested[1]))
a, b, c = t
print(a, b, c)
x = 1, 2
print(x, type(x).__name__)
points = [(3, 1), (1, 2), (2, 0), (1, 1)]
print(sorted(points), min(points), max(points))
total = 0
for p, q in points:
    total += p * q
print(total)
print(tuple([x * 2 for x in t]), sum(t), max(t), min(t))
m = (1, [2, 3])
m[1].append(4)
print(m)
print(str((1,)), repr(("a", 1.5, None)))
print((1, 2, 3) == (1, 2, 3), (1, 2) != (2, 1), t is t)
