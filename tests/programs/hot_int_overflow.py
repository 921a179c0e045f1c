# Integers overflowing past 2**62 and 2**63 inside hot loops, and coming back down.
def grow(n):
    x = 1
    log = []
    for i in range(n):
        x = x * 3 + 1
        if i % 500 == 0:
            log.append(len(str(x)))
    return x % 1000000007, log
r, log = grow(5000)
print(r, log)
def cross_boundary():
    v = 2 ** 62 - 2500
    hits = []
    for i in range(5000):
        v += 1
        if v == 2 ** 62:
            hits.append(("2**62", i))
    w = 2 ** 63 - 2500
    for i in range(5000):
        w += 1
        if w == 2 ** 63:
            hits.append(("2**63", i))
    u = -(2 ** 63) + 2500
    for i in range(5000):
        u -= 1
        if u == -(2 ** 63) - 1:
            hits.append(("-2**63-1", i))
    return v, w, u, hits
print(cross_boundary())
def mul_wrap(n):
    acc = 1
    big = 0
    for i in range(n):
        acc = acc * 6364136223846793005 + 1442695040888963407
        if acc > 2 ** 64:
            big += 1
            acc = acc % (2 ** 64)
    return acc, big
print(mul_wrap(6000))
def sum_squares(n):
    s = 0
    for i in range(n):
        s += i * i * i * i * i
    return s
print(sum_squares(6000))
def shrink():
    x = 2 ** 200
    steps = 0
    while x > 1:
        x = x // 2 - 1 if x > 10 else x - 1
        steps += 1
    return steps, x
print(shrink())
total = 0
for i in range(5000):
    total += (i * 2 ** 61) - (i * 2 ** 61 - 1)
print(total)
neg = 0
for i in range(5000):
    neg -= 2 ** 60
print(neg, neg < -(2 ** 63))
