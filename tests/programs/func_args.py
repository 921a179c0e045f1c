# Positional, default, keyword and *args parameters.
def f(a, b, c=3, d=4):
    return (a, b, c, d)
print(f(1, 2))
print(f(1, 2, 5))
print(f(1, 2, d=9))
print(f(b=7, a=6))
print(f(1, c=0, b=8))
def g(*args):
    return len(args), args
print(g(), g(1), g(1, "two", 3.0))
def h(first, *rest):
    return first, rest
print(h(1), h(1, 2, 3))
def k(a, *args, sep="-"):
    return sep.join([str(a)] + [str(x) for x in args])
print(k(1, 2, 3), k(1, 2, 3, sep="+"), k("solo"))
def defaults(x, y=[], z=None, w="w"):
    return x, y, z, w
print(defaults(0), defaults(0, w="W"), defaults(0, z=1, y=2))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3, 4, 5), total(*[10, 20]), total(*range(5)))
args = (1, 2)
print(f(*args), f(*args, d="kw"), f(0, *[9, 8]))
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, e=5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, a=1)
except TypeError as e:
    print("TypeError:", e)
def counter(start=0, step=1, count=3):
    out = []
    v = start
    for _ in range(count):
        out.append(v)
        v += step
    return out
print(counter(), counter(10), counter(step=5), counter(count=5, start=-2, step=2))
