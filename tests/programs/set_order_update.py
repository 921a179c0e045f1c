# Iteration order after update() and in-place operators with various argument kinds.
s = {5, 3}
s.update([40, 8, 16, 24])
print(s)
s.update({72, 1, 9})
print(s)
s.update({100: "x", 36: "y", -4: "z"})
print(s)
s.update((11, 19, 27), range(60, 50, -2))
print(s)
s.update(x * 13 for x in range(6))
print(s)
s.update()
print(s, len(s))
e = set()
e.update(set(range(0, 200, 9)))
print(e)
e2 = set()
e2.update(list(range(0, 200, 9)))
print(e2, list(e) == list(e2))
e3 = set()
e3.update(frozenset(range(0, 200, 9)))
print(e3)
d = {}
for k in [33, 1, 65, 97, 129, 2]:
    d[k] = k
fromdict = set()
fromdict.update(d)
print(fromdict, set(d), frozenset(d))
del d[65]
d[-3] = 0
print(set(d), set(d.keys()), set(d.values()))
sizes = []
t = set()
for chunk in range(10):
    t.update(range(chunk * 7, chunk * 7 + 7))
    sizes.append(len(t))
print(t, sizes)
u = set(range(0, 50, 5))
u |= {3, 33, 63}
print(u)
u |= frozenset([1000, 128])
print(u)
u -= {0, 5, 63}
print(u)
u.update([0, 5, 63])
print(u)
u &= set(range(0, 2000, 3))
print(u)
u ^= {1, 2, 3, 4, 5, 6}
print(u)
v = set()
for i in range(10):
    v |= {i * 11, -i}
print(v)
w = set(range(30))
w.difference_update(range(0, 30, 3))
print(w)
w.intersection_update(range(10, 100))
print(w)
w.symmetric_difference_update(range(20, 40))
print(w)
w.symmetric_difference_update([1, 1, 2, 2])
print(w)
x = {1, 2, 3}
x.update("ab")
print(sorted(x, key=str))
first = set([1, 9, 17])
second = set([17, 9, 1])
first.update(second)
second.update(first)
print(first, second)
m = {8, 16, 24}
n = {0, 32, 40, 48, 56}
m.update(n)
n.update({8, 16, 24})
print(m, n, m == n)
