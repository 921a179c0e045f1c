# Tier 2: small ints overflowing 63/64 bits into big ints in the middle of hot
# loops (guards on "fits in a machine word" must fail and fall back).

# x = x * 3 + 1 repeated: overflows after ~40 steps, reset periodically so
# the overflow happens again and again.
x = 1
resets = 0
checksum = 0
for i in range(6000):
    x = x * 3 + 1
    if x > 2 ** 100:
        checksum = (checksum + x % 1000000007) % 1000000007
        x = i
        resets += 1
    if i % 500 == 0:
        print("x*3+1", i, x)
print("x*3+1 resets", resets, checksum)


# Additions crossing 2**62 and 2**63 (and 2**64).
start = 2 ** 62 - 2000
v = start
for i in range(5000):
    v += 1
    if i % 625 == 0 or v in (2 ** 62 - 1, 2 ** 62, 2 ** 62 + 1):
        print("add62", i, v, v - start)
print("add62 final", v, v > 2 ** 62)

v = 2 ** 63 - 3000
step = 1
for i in range(6000):
    v = v + step
    if i % 1000 == 0 or v in (2 ** 63 - 1, 2 ** 63):
        print("add63", i, v)
print("add63 final", v, v - 2 ** 63)

# Big steps: repeatedly adding a large constant crosses 2**63 and 2**64.
big = 0
inc = 2 ** 53 + 12345
for i in range(5000):
    big += inc
    if i % 1000 == 999 or big - inc < 2 ** 63 <= big or big - inc < 2 ** 64 <= big:
        print("big step", i, big, big >> 60)
print("big step final", big)


# Subtractions going below -2**62 and -2**63.
v = -(2 ** 62) + 2500
for i in range(5000):
    v -= 1
    if i % 1000 == 0 or v in (-(2 ** 62), -(2 ** 62) - 1):
        print("sub62", i, v)
print("sub62 final", v)

v = -(2 ** 63) + 1500
for i in range(3000):
    v = v - 1
    if i % 500 == 0 or v in (-(2 ** 63), -(2 ** 63) - 1):
        print("sub63", i, v)
print("sub63 final", v, v + 2 ** 63)


# Products of large ints, including products that overflow only sometimes.
acc = 0
a = 3037000499  # about sqrt(2**63)
for i in range(6000):
    p = (a + i % 3) * (a + i % 5)
    acc = (acc + p) % (2 ** 89 - 1)
    if i % 1000 == 0:
        print("mul", i, p, p >= 2 ** 63)
print("mul acc", acc)

# Negative products, unary minus of the minimum int, abs of big values.
m = -(2 ** 63)
vals = []
for i in range(4000):
    w = m + i
    n = -w
    q = abs(w) * -1
    if i % 800 == 0:
        vals.append((n, q, w * 2))
for t in vals:
    print("neg", t)


# Overflow only once in thousands of iterations: a counter that doubles
# rarely, so the common path stays small.
c = 2 ** 61
overflow_at = []
for i in range(10000):
    if i % 2500 == 2499:
        c = c * 2
        overflow_at.append((i, c >= 2 ** 63))
    c = c + 1
print("rare", c, overflow_at)

# One element out of thousands is large, so the product overflows on a single
# iteration of the loop and the result shrinks back right after.
vals = list(range(5000))
vals[4321] = 2 ** 60 + 7
acc = 0
for i in range(10000):
    w = vals[i % 5000] * 1000003
    acc = (acc + w) % 998244353
    if w > 2 ** 63:
        print("single overflow at", i, w, acc)
print("single overflow acc", acc)

# A sum of squares that crosses 2**63 once, near the end.
s = 2 ** 63 - 100000000000
for i in range(8000):
    s += i * i
    if i % 1000 == 999:
        print("squares", i, s, s >= 2 ** 63)
print("squares final", s)


# Left shifts that grow then masked back down.
y = 1
hist = []
for i in range(5000):
    y = (y << 1) | (i & 1)
    if y.bit_length() > 70:
        hist.append(y & 0xFFFF)
        y = y >> 50
print("shift", y, len(hist), sum(hist))


# Big ints shrinking back to small ints (results of big ops that fit again).
z = 2 ** 70
small_seen = 0
for i in range(4000):
    z = z // 3 + i
    if z < 2 ** 62:
        small_seen += 1
    if i % 800 == 0:
        print("shrink", i, z)
print("shrink", z, small_seen)


# Floor division and modulo across the boundary.
r = []
for i in range(3000):
    n = 2 ** 63 + i - 1500
    r.append(n // 7 - n % 7)
print("divmod", r[0], r[1499], r[1500], r[2999], sum(r) % 1000000007)

# Comparisons between small and big ints in a hot loop.
limit = 2 ** 64
hits = 0
t = 2 ** 64 - 3000
for i in range(6000):
    if t + i < limit:
        hits += 1
print("cmp", hits)

# Powers in a hot loop.
acc = 0
for i in range(3000):
    acc += (i % 70) ** 11 % 1000003
print("pow", acc, 69 ** 11)
