# yield from: delegation, and the delegated generator's return value.
def inner(tag, n):
    for i in range(n):
        yield tag + str(i)
    return tag * n

def outer():
    a = yield from inner("a", 2)
    print("inner a returned", a)
    b = yield from inner("b", 3)
    print("inner b returned", b)
    c = yield from inner("c", 0)
    print("inner c returned", repr(c))
    return a + b + c

g = outer()
while True:
    try:
        print("got", next(g))
    except StopIteration as e:
        print("outer returned", e.value)
        break

def no_return():
    yield 1

def uses_none():
    r = yield from no_return()
    yield "result is " + str(r)

print(list(uses_none()))

def depth(n):
    if n == 0:
        yield "leaf"
        return 0
    r = yield from depth(n - 1)
    yield "level " + str(n)
    return r + 1

g = depth(3)
out = []
while True:
    try:
        out.append(next(g))
    except StopIteration as e:
        out.append(e.value)
        break
print(out)

def chain(*gens):
    results = []
    for gen in gens:
        results.append((yield from gen))
    return results

c = chain(inner("x", 1), inner("y", 2), no_return())
items = []
try:
    while True:
        items.append(next(c))
except StopIteration as e:
    print(items, e.value)
