# Tuple unpacking and multiple assignment.
a, b = 1, 2
a, b = b, a
print(a, b)
a = b = c = 7
print(a, b, c)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
def divmod_pair(n, d):
    return n // d, n % d
quo, rem = divmod_pair(47, 5)
print(quo, rem)
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, word in pairs:
    print(num, word)
for i, (num, word) in enumerate(pairs):
    print(i, num, word)
for (k1, k2), v in [((1, 2), "a"), ((3, 4), "b")]:
    print(k1 + k2, v)
fa, fb = 0, 1
for _ in range(20):
    fa, fb = fb, fa + fb
print(fa, fb)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
i, lst[i] = 1, 99
print(i, lst)
m, n = [5, 6]
print(m, n)
try:
    u, v = (1, 2, 3)
except ValueError as err:
    print("ValueError:", err)
try:
    u, v, w = (1, 2)
except ValueError as err:
    print("ValueError:", err)
