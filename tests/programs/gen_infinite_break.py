# Infinite generators consumed with break, next() and helper functions.
def naturals(start):
    n = start
    while True:
        yield n
        n += 1

def take(n, gen):
    out = []
    for v in gen:
        if len(out) >= n:
            break
        out.append(v)
    return out

def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def cycle(items):
    while True:
        for x in items:
            yield x

print(take(5, naturals(10)))
print(take(12, fibs()))
print(take(7, cycle(["r", "g", "b"])))

for f in fibs():
    if f > 1000:
        print("first fib over 1000:", f)
        break

g = naturals(1)
total = 0
while total < 50:
    total += next(g)
print("sum reached", total, "next would be", next(g))

def primes():
    found = []
    for n in naturals(2):
        ok = True
        for p in found:
            if p * p > n:
                break
            if n % p == 0:
                ok = False
                break
        if ok:
            found.append(n)
            yield n

print(take(15, primes()))

def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1

print(list(collatz(27))[:10], len(list(collatz(27))))

# A generator that is abandoned mid-way can be resumed later.
p = primes()
print(next(p), next(p), next(p))
print(take(3, p))
print(next(p))
