# Tier 2: nested loops (inner loop hot first, then the outer), break and
# continue, while loops with several exits, for loops over lists, tuples and
# ranges with early exits, and loops inside inlined functions.

# Inner loop becomes hot long before the outer one.
total = 0
for i in range(60):
    row = 0
    for j in range(200):
        row += (i * j) % 7
    total += row
    if i % 10 == 0:
        print("outer", i, row, total)
print("nested total", total)

# Three levels deep, where every level is hot eventually.
cnt = 0
for a in range(20):
    for b in range(20):
        for c in range(20):
            if (a + b + c) % 3 == 0:
                cnt += a * b - c
print("triple", cnt)


# break / continue inside the inner loop.
found = []
skipped = 0
for i in range(2, 400):
    is_prime = True
    for d in range(2, i):
        if d * d > i:
            break
        if i % d == 0:
            is_prime = False
            break
    if not is_prime:
        skipped += 1
        continue
    if i > 350:
        found.append(i)
print("primes > 350", found, "composites", skipped)

# continue in a hot loop, skipping most iterations.
acc = 0
for i in range(10000):
    if i % 7 != 3:
        continue
    acc += i
    if i % 1000 == 3:
        print("continue", i, acc)
print("continue total", acc)

# for ... else with break on some iterations only.
hits = 0
misses = 0
for i in range(3000):
    for x in (3, 5, 7, 11, 13):
        if i % x == 0 and i % 2 == 1:
            hits += 1
            break
    else:
        misses += 1
print("for-else", hits, misses)


# while loop with several exits: a counter limit, a found value, and a break
# from inside an if/else chain.
def search(start, limit):
    n = start
    steps = 0
    while True:
        if n == 1:
            return ("one", steps)
        if steps >= limit:
            return ("limit", steps)
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
        if n == 4096:
            break
    return ("pow", steps)


outcomes = {"one": 0, "limit": 0, "pow": 0}
steps_total = 0
for i in range(1, 2500):
    kind, steps = search(i, 100)
    outcomes[kind] += 1
    steps_total += steps
    if i % 500 == 0:
        print("collatz", i, kind, steps, outcomes["one"], outcomes["limit"], outcomes["pow"])
print("collatz total", steps_total, outcomes)

# while loop with a condition and a break that fires late.
n = 0
s = 0
while n < 20000:
    s += n & 15
    n += 1
    if s > 100000:
        break
print("while-break", n, s)

# A while loop whose condition stays true for thousands of iterations, then an
# early exit from the middle of the body.
i = 0
acc = 0
while i < 10000:
    i += 1
    if i % 3 == 0:
        continue
    acc += i
    if acc > 30000000:
        print("early exit at", i)
        break
print("while-continue", i, acc)


# for loops over lists, tuples and ranges with early exits.
lst = list(range(0, 300, 3))
tup = tuple(range(1, 300, 2))
found_l = 0
found_t = 0
found_r = 0
for i in range(1500):
    target = (i * 7) % 300
    for v in lst:
        if v >= target:
            found_l += v
            break
    for v in tup:
        if v > target:
            found_t += v
            break
    for v in range(target, 400):
        if v % 11 == 0:
            found_r += v
            break
print("early exits", found_l, found_t, found_r)

# Iterating over a list of tuples with unpacking; a nested loop over a string.
pairs = [(i, i * i % 17) for i in range(50)]
acc = 0
for rep in range(100):
    for a, b in pairs:
        if b == 0:
            continue
        acc += a // b
print("pairs", acc)

vowels = 0
text = "the quick brown fox jumps over the lazy dog"
for rep in range(200):
    for ch in text:
        if ch in "aeiou":
            vowels += 1
print("vowels", vowels)


# A loop inside an inlined function, called from a hot loop.
def inner_loop(n):
    s = 0
    for k in range(n):
        if k % 4 == 3:
            continue
        s += k
    return s


def inner_while(n):
    k = 0
    while k * k < n:
        k += 1
    return k


acc = 0
for i in range(4000):
    acc += inner_loop(i % 30) + inner_while(i)
    if i % 800 == 0:
        print("inner fn loops", i, acc)
print("inner fn total", acc)


# Nested loops where the inner bound depends on the outer variable (the
# inner trip count starts at zero).
acc = 0
for i in range(150):
    for j in range(i):
        acc += j ^ i
print("triangle", acc)

# Loop over a list that is modified (appended to) while iterating; the loop
# terminates because appends stop.
grow = [1, 2, 3]
seen = 0
for v in grow:
    seen += v
    if len(grow) < 3000:
        grow.append(v + 1)
print("grow", len(grow), seen)

# Matrix multiply with nested loops.
N = 14
A = [[(i * N + j) % 10 for j in range(N)] for i in range(N)]
B = [[(i + 2 * j) % 7 for j in range(N)] for i in range(N)]
C = [[0] * N for _ in range(N)]
for i in range(N):
    for j in range(N):
        s = 0
        for k in range(N):
            s += A[i][k] * B[k][j]
        C[i][j] = s
print("matmul", C[0][:5], C[N - 1][-5:], sum([sum(r) for r in C]))
