# Tier 2: global functions and global constants rebound in the middle of hot
# loops, via `global` statements, module-level assignment and globals().


def f(x):
    return x + 1


def other_f(x):
    return x * 2


def third_f(x):
    return -x


def run_global_stmt(n):
    global f
    total = 0
    for i in range(n):
        total += f(i)
        if i == 3000:
            f = other_f
        if i % 1000 == 0:
            print("  global stmt", i, total)
    return total


print("run_global_stmt", run_global_stmt(6000))
print("f is other_f", f is other_f)


# Rebinding through globals() from inside a function.
def run_globals_dict(n):
    total = 0
    for i in range(n):
        total += f(i)
        if i == 2000:
            globals()["f"] = third_f
        if i == 4000:
            globals()["f"] = other_f
        if i % 1000 == 0:
            print("  globals()", i, total)
    return total


f = lambda x: x + 1
print("run_globals_dict", run_globals_dict(5000))


# Module-level loop rebinding with def (a new function object each time).
def h(v):
    return v * 3


acc = 0
for i in range(9000):
    acc += h(i) % 11
    if i == 3000:
        def h(v):
            return v + 100
    if i == 6000:
        h = abs
    if i % 1500 == 0:
        print("module h", i, acc)
print("module h total", acc)


# The rebound function is called from inside an inlined callee.
def g(x):
    return x - 1


def caller(x):
    return g(x) * 2 + g(x + 1)


acc = 0
for i in range(8000):
    acc += caller(i)
    if i == 4000:
        g = lambda x: x + 1000
    if i % 2000 == 0 or i in (4000, 4001):
        print("caller", i, acc, caller(i))
print("caller total", acc)


# Rebinding the callee repeatedly (every 500 iterations) between two functions.
def p1(x):
    return x & 255


def p2(x):
    return x | 256


fns = [p1, p2]
cur = p1
acc = 0
for i in range(10000):
    acc += cur(i)
    if i % 500 == 499:
        cur = fns[(i // 500 + 1) % 2]
print("alternating", acc)


# A global constant rebound mid-loop.
LIMIT = 100
SCALE = 3


def clipped(x):
    if x > LIMIT:
        return LIMIT
    return x * SCALE


def run_consts(n):
    global LIMIT, SCALE
    total = 0
    for i in range(n):
        total += clipped(i % 200)
        if i == 2500:
            LIMIT = 150
        if i == 5000:
            SCALE = 0.5
        if i == 7500:
            LIMIT = "x"
            break
        if i % 1250 == 0:
            print("  consts", i, total)
    return total


print("run_consts", run_consts(10000))
LIMIT = 100
SCALE = 3

# A global used directly in the loop body (no call), changed mid-loop,
# including its type.
OFFSET = 7
acc = 0
for i in range(9000):
    acc += i * OFFSET
    if i == 3000:
        OFFSET = -2
    if i == 6000:
        OFFSET = 0.25
    if i % 1500 == 0:
        print("offset", i, acc)
print("offset total", acc)


# A global removed and re-created mid-loop (NameError in between).
TEMP = 5
acc = 0
errs = 0
for i in range(6000):
    try:
        acc += TEMP
    except NameError as e:
        errs += 1
        msg = str(e)
    if i == 2000:
        del TEMP
    if i == 4000:
        TEMP = 9
print("temp", acc, errs, msg)


# A global list rebound to a different list vs. mutated in place.
TABLE = [1, 2, 3, 4]


def table_sum(i):
    return TABLE[i % 4] + TABLE[(i + 1) % 4]


acc = 0
for i in range(8000):
    acc += table_sum(i)
    if i == 2000:
        TABLE[0] = 100
    if i == 4000:
        TABLE = [5, 6, 7, 8]
    if i == 6000:
        TABLE = (9, 9, 9, 9)
    if i % 1000 == 0:
        print("table", i, acc)
print("table total", acc)


# Globals written from the loop inside a callee, read by the loop itself.
COUNTER = 0


def bump(k):
    global COUNTER
    COUNTER += k
    return COUNTER


acc = 0
for i in range(5000):
    acc += bump(i % 3)
    if COUNTER > 3000 and COUNTER < 3004:
        print("counter crossed 3000 at", i, COUNTER)
print("counter", COUNTER, acc)
