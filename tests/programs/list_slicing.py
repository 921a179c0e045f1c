# List slice reads and writes.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-1], a[8:2:-2], a[100:], a[-100:2])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[0:0] = [100, 200]
print(b)
b[-1:] = []
print(b)
b[1:3] = range(3)
print(b)
c = list(range(10))
c[::2] = [0, 0, 0, 0, 0]
print(c)
c[1::2] = "abcde"
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
d = [1, 2, 3, 4, 5, 6]
del d[::2]
print(d)
d = [1, 2, 3, 4, 5, 6]
del d[1:-1]
print(d)
e = [1, 2, 3]
e[:] = [9]
print(e)
e[5:] = [7, 8]
print(e)
f = list(range(20))
print(f[3:17:4], f[-2:-10:-3], f[5:5], f[::7])
g = [[1, 2], [3, 4]]
h = g[:]
h[0].append(99)
h[1] = "replaced"
print(g, h)
m = list(range(8))
m[2:6] = m[2:6][::-1]
print(m)
