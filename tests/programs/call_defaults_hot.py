# Hot calls that take some arguments from the function's defaults
# (CALL_PY_WITH_DEFAULTS), in loops long enough for tier 2 to trace them.


def tick(n=1, m=2):
    return n * 10 + m


def f(a, b=5, *, c=None):
    return a + b if c is None else c


class C:
    def m(self, x, y=3):
        return x + y


def g(x, k=7):
    return x * k


total = 0
c = C()
for i in range(3000):
    total += tick() + tick(i) + tick(i, 1) + f(i) + f(i, 2) + c.m(i) + g(i) + g(i, 1)
print("mixed", total)

# One code, many functions: each lambda has its own default.
fs = [lambda x, k=k: x + k for k in range(4)]
s = 0
for i in range(4000):
    s += fs[i % 4](i)
print("lambdas", s)


# A mutable default is shared by every call.
def collect(x, into=[]):
    into.append(x)
    return len(into)


n = 0
for i in range(1500):
    n = collect(i)
print("shared default", n, collect(-1) - 1)


# A generator function with a default.
def count_up(stop, step=1):
    i = 0
    while i < stop:
        yield i
        i += step


acc = 0
for i in range(500):
    for v in count_up(4):
        acc += v
    acc += sum(count_up(6, 2))
print("generators", acc)


# Recursion through a default.
def depth(n, acc=0):
    if n == 0:
        return acc
    return depth(n - 1, acc + n)


print("recursive", sum(depth(i % 30) for i in range(2000)))


# A default that is a closure.
def make_adder(k):
    def add(x, y=k):
        return x + y
    return add


adders = [make_adder(k) for k in (1, 10, 100)]
t = 0
for i in range(3000):
    t += adders[i % 3](i)
    t += adders[0](i, 0)
print("closures", t)


# The call site stops matching: too few arguments for the defaults.
def two(a, b, c=3):
    return a + b + c


done = 0
for i in range(1200):
    try:
        done += two(i) if i % 400 == 399 else two(i, 1)
    except TypeError as e:
        print(i, e)
print("errors", done)
