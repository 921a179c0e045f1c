# Order of values returned by pop(), interleaved with add/discard/clear/copy.
def drain(s):
    out = []
    while s:
        out.append(s.pop())
    return out
print(drain(set(range(20))))
print(drain(set(range(40, 0, -3))))
print(drain({3, 57, -1, -13, 16, 34, -5, 19, 29, 5, 43}))
print(drain(set([2 ** 64, -1, -2, 2 ** 61 - 1, 7, 0])))
print(drain({(1, 2), (2, 1), (0, 0)}))
print(drain(set(x * 0.5 for x in range(10))))
s = set(range(16))
first = [s.pop() for i in range(5)]
s.update([0, 1, 2])
second = [s.pop() for i in range(5)]
print(first, second, s)
s = set(range(10))
out = []
for i in range(12):
    v = s.pop()
    out.append(v)
    if v % 2 == 0:
        s.add(v + 100)
print(out, s)
s = set(range(8))
a = s.pop()
b = s.pop()
c = s.copy()
print(a, b, c.pop(), s.pop(), c.pop(), s.pop())
s = set(range(8))
s.pop()
s.pop()
s.clear()
s.update(range(8))
print(drain(s))
s = set(range(8))
s.pop()
s.pop()
s.pop()
s.add(0)
s.add(1)
print(s.pop(), s.pop(), s.pop(), s)
s = set(range(100, 0, -7))
print(s)
print([s.pop() for i in range(4)], s)
s.discard(2)
s.discard(100)
s.add(1000)
print([s.pop() for i in range(4)], s)
f = frozenset(range(5))
t = set(f)
print(t.pop(), t.pop(), f)
big = set(range(0, 3000, 11))
print(len(big), [big.pop() for i in range(20)])
for i in range(250):
    big.pop()
print(len(big), big)
one = {42}
print(one.pop(), one, len(one))
one.add(43)
print(one.pop(), one)
