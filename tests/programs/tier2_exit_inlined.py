# Tier 2: traces that exit from inside an inlined callee frame.  The callee's
# behaviour changes after the loop has become hot (a branch flips, an argument
# changes type), so the guard that fails lives in the callee, not the loop.


def step(i, limit):
    if i < limit:
        return i * 2
    return i - 1


total = 0
for i in range(10000):
    total += step(i, 5000)
    if i in (0, 4998, 4999, 5000, 5001, 9999):
        print("step", i, total)
print("step total", total)


# A branch in the callee that flips back and forth after a long stable period.
def classify(x):
    if x % 1000 < 900:
        return 1
    elif x % 1000 < 990:
        return 10
    return 100


counts = 0
for i in range(8000):
    counts += classify(i)
    if i % 1000 == 999:
        print("classify", i, counts)


# The argument changes type from int to float after many iterations.
def scale(v):
    return v * 3 + 1


acc = 0
for i in range(8000):
    if i < 4000:
        acc += scale(i)
    else:
        acc += scale(i + 0.5)
    if i in (3998, 3999, 4000, 4001, 7999):
        print("scale", i, acc)
print("scale total", acc)


# Same call site, argument type changes int -> float -> int -> str.
def combine(a, b):
    return a + b


res = None
log = []
for i in range(9000):
    if i < 3000:
        res = combine(i, 1)
    elif i < 6000:
        res = combine(i * 0.25, 1.0)
    elif i < 8000:
        res = combine(i, -i)
    else:
        res = combine(str(i % 10), "x")
    if i % 500 == 0 or i in (2999, 3000, 5999, 6000, 7999, 8000):
        log.append(res)
print("combine", log)


# Exit two frames deep: the loop calls outer, outer calls inner, and inner's
# guard fails.
def inner(x, mode):
    if mode == 0:
        return x + 1
    if mode == 1:
        return x * 2
    return x * 1.5


def outer(x, mode):
    y = inner(x, mode)
    return inner(y, mode) - x


acc = 0
for i in range(12000):
    mode = 0 if i < 4000 else (1 if i < 8000 else 2)
    acc += outer(i, mode)
    if i % 2000 == 1999 or i in (4000, 8000):
        print("outer", i, acc)
print("outer total", acc)


# A callee with a loop of its own, whose trip count grows with the outer loop.
def inner_sum(n):
    s = 0
    j = 0
    while j < n:
        s += j * j
        j += 1
    return s


acc = 0
for i in range(3000):
    acc += inner_sum(i % 50)
    if i % 600 == 599:
        print("inner_sum", i, acc)
print("inner_sum total", acc)


# A callee with a for loop that exits early from inside the loop once the
# data changes.
def find_first(lst, target):
    for idx in range(len(lst)):
        if lst[idx] == target:
            return idx
    return -1


data = list(range(30))
found = 0
for i in range(6000):
    if i == 3000:
        data[5] = 29
    found += find_first(data, 29)
    if i % 1000 == 0 or i in (2999, 3000, 3001):
        print("find_first", i, found)
print("find_first total", found)


# A callee whose return type changes (int -> None) after many iterations.
def maybe(x):
    if x > 6000:
        return None
    return x


nones = 0
s = 0
for i in range(7000):
    r = maybe(i)
    if r is None:
        nones += 1
    else:
        s += r
print("maybe", s, nones)


# A callee that changes the global it reads through its argument object.
class Box:
    def __init__(self, v):
        self.v = v


def read_box(b):
    return b.v * 2


b = Box(1)
tot = 0
for i in range(6000):
    if i == 2000:
        b.v = 2.5
    if i == 4000:
        b.v = "ab"
    r = read_box(b)
    if i < 4000:
        tot += r
    elif i % 1000 == 0:
        print("read_box str", r)
print("read_box total", tot)


# A float accumulator in the callee that becomes an int-only path again.
def mix(a, i):
    if i % 2 == 0:
        return a + i
    return a + i / 2


a = 0
for i in range(5000):
    a = mix(a, i)
    if i % 1000 == 0:
        print("mix", i, a)
print("mix final", a)
