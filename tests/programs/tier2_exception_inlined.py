# Tier 2: exceptions raised inside called functions (several frames deep) in
# the middle of hot loops, caught by a try/except in the loop.


class AppError(Exception):
    pass


class DeepError(AppError):
    def __init__(self, where, value):
        Exception.__init__(self, "deep at " + where + ": " + str(value))
        self.value = value


def level3(x):
    if x % 997 == 996:
        raise DeepError("level3", x)
    return x + 1


def level2(x):
    return level3(x) * 2


def level1(x):
    return level2(x) - 1


total = 0
caught = 0
msgs = []
for i in range(8000):
    try:
        total += level1(i)
    except AppError as e:
        caught += 1
        total -= e.value
        if len(msgs) < 4:
            msgs.append(str(e))
    if i % 2000 == 1999:
        print("deep", i, total, caught)
print("deep msgs", msgs)
print("deep total", total, caught)


# ZeroDivisionError from a division inside a callee.
def ratio(a, b):
    return a // b


def safe_ratio(a, b):
    return ratio(a, b) + ratio(b, 1)


zd = 0
acc = 0
last = None
for i in range(6000):
    try:
        acc += safe_ratio(i * 10, i % 250)
    except ZeroDivisionError as e:
        zd += 1
        last = str(e)
print("zerodiv", acc, zd, last)

fz = 0
facc = 0.0
for i in range(5000):
    try:
        facc += 1.0 / ((i % 400) - 200)
    except ZeroDivisionError as e:
        fz += 1
        last = str(e)
print("float zerodiv", round(facc, 6), fz, last)


# IndexError from list indexing inside a callee.
def get_item(lst, i):
    return lst[i]


def pick(lst, i):
    return get_item(lst, i * 3)


items = list(range(100))
ie = 0
acc = 0
first = None
for i in range(5000):
    try:
        acc += pick(items, i % 40)
    except IndexError as e:
        ie += 1
        if first is None:
            first = (i, str(e))
    if i % 1000 == 999:
        print("index", i, acc, ie)
print("index first", first)

# IndexError from tuple indexing and from pop of an empty list.
t = (1, 2, 3)
te = 0
for i in range(3000):
    try:
        acc += t[i % 5]
    except IndexError as e:
        te += 1
        last = str(e)
print("tuple index", acc, te, last)

stack = []
pe = 0
for i in range(4000):
    if i % 3 == 0:
        stack.append(i)
    try:
        acc += stack.pop()
    except IndexError as e:
        pe += 1
        last = str(e)
print("pop", acc, pe, last)


# KeyError from dict lookups inside a callee.
def lookup(d, k):
    return d[k]


def lookup_twice(d, k):
    return lookup(d, k) + lookup(d, k + 1)


table = {}
for j in range(0, 200, 2):
    table[j] = j * j
    table[j + 1] = -j
ke = 0
acc = 0
missing = []
for i in range(6000):
    try:
        acc += lookup_twice(table, i % 210)
    except KeyError as e:
        ke += 1
        if len(missing) < 5:
            missing.append(str(e))
    if i % 1500 == 1499:
        print("key", i, acc, ke)
print("key missing", missing)

names = {"a": 1, "b": 2, "c": 3}
keys = ["a", "b", "c", "d", "a", "e"]
kc = 0
s = 0
for i in range(3000):
    try:
        s += names[keys[i % 6]]
    except KeyError as e:
        kc += 1
        last = repr(e)
print("str key", s, kc, last)


# An exception that escapes several inlined frames and a loop inside a callee.
def scan(lst, bad):
    t = 0
    for v in lst:
        if v == bad:
            raise ValueError("bad value " + str(v))
        t += v
    return t


def scan_wrap(lst, bad):
    return scan(lst, bad) + 1


vals = list(range(20))
ve = 0
acc = 0
for i in range(4000):
    try:
        acc += scan_wrap(vals, i % 64)
    except ValueError as e:
        ve += 1
        last = str(e)
print("scan", acc, ve, last)


# Different exception types from the same call site, with multiple handlers
# and finally clauses.
def risky(i):
    m = i % 50
    if m == 10:
        return 1 // 0
    if m == 20:
        return [1, 2][5]
    if m == 30:
        return {}["k"]
    if m == 40:
        raise AppError("app " + str(i))
    return m


counts = [0, 0, 0, 0, 0]
fin = 0
acc = 0
for i in range(5000):
    try:
        acc += risky(i)
    except ZeroDivisionError:
        counts[0] += 1
    except IndexError:
        counts[1] += 1
    except KeyError:
        counts[2] += 1
    except AppError as e:
        counts[3] += 1
        last = str(e)
    else:
        counts[4] += 1
    finally:
        fin += 1
print("mixed", acc, counts, fin, last)


# Exceptions that start happening only after the loop is long hot.
def late(i):
    if i >= 4000:
        raise RuntimeError("late " + str(i))
    return i


acc = 0
late_count = 0
for i in range(4500):
    try:
        acc += late(i)
    except RuntimeError as e:
        late_count += 1
        if late_count <= 2:
            print("late caught", e)
print("late", acc, late_count)


# Exception caught in a callee (try/except inside the inlined frame).
def guarded(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


acc = 0
for i in range(5000):
    acc += guarded(table, i % 250)
print("guarded", acc)


# Exception re-raised through a frame with a handler that does not match.
def rethrow(i):
    try:
        return 10 // (i % 100)
    except KeyError:
        return -100


acc = 0
zc = 0
for i in range(4000):
    try:
        acc += rethrow(i)
    except ZeroDivisionError:
        zc += 1
print("rethrow", acc, zc)
