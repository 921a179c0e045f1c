# `return value` in a generator: StopIteration.value, args, and yield from results.
def g_value():
    yield 1
    return "result"

def g_none():
    yield 1
    return

def g_tuple():
    yield 1
    return (1, 2)

def g_falloff():
    yield 1

def g_exc_value():
    yield 1
    return ValueError("an exception object as the value")

for f in [g_value, g_none, g_tuple, g_falloff, g_exc_value]:
    g = f()
    next(g)
    try:
        next(g)
    except StopIteration as e:
        v = e.value
        print(f.__name__, type(v).__name__, v, "args:", len(e.args))

def drive(gen):
    items = []
    while True:
        try:
            items.append(next(gen))
        except StopIteration as e:
            return items, e.value

def averager(values):
    total = 0
    count = 0
    for v in values:
        total += v
        count += 1
        yield total
    return total / count

print(drive(averager([2, 4, 6, 8])))

def returns_early(n):
    for i in range(10):
        if i == n:
            return "stopped at " + str(i)
        yield i
    return "ran to the end"

print(drive(returns_early(3)))
print(drive(returns_early(20)))

def wrapper():
    r = yield from returns_early(2)
    yield "inner said: " + r
    return r.upper()

print(drive(wrapper()))
