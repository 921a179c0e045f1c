# Calls to small functions in hot loops.
def add(a, b):
    return a + b
def sq(x):
    return x * x
def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x
def with_default(x, k=3):
    return x * k
def variadic(*args):
    return len(args)
def run(n):
    s = 0
    for i in range(n):
        s = add(s, sq(clamp(i % 100, 10, 90)))
        s += with_default(i) + with_default(i, k=1) + variadic(i, i, i)
    return s
print(run(30000))
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
total = 0
for i in range(3000):
    total += fib_iter(i % 40)
print(total)
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
print(sum([1 for i in range(20000) if is_prime(i)]))
def kw(a, b=2, c=3):
    return a * 100 + b * 10 + c
acc = 0
for i in range(10000):
    acc += kw(i % 3, c=i % 5) + kw(1, 2) + kw(b=0, a=i % 2)
print(acc)
