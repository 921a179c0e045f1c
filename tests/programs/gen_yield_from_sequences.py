# `yield from` a list, a tuple or a range (SEND_ITER in tier 1, followed by traces):
# exhaustion ends the delegation with None, lists growing while delegated to, values
# sent into the delegation (the iterator has no send), throw and close while delegating.


def flatten(chunks):
    for chunk in chunks:
        result = yield from chunk
        assert result is None


def mixed():
    yield from [1, 2]
    yield from (3, 4)
    yield from range(5, 8)
    yield from range(10, 0, -4)
    yield from []
    yield from ()
    return "done"


total = 0
for x in flatten([list(range(50)) for _ in range(400)]):
    total += x
print("total", total)
print(list(mixed()))
for _ in range(300):
    values = list(mixed())
print(values)


def growing(target):
    yield from target


items = [1, 2, 3]
gen = growing(items)
print(next(gen), next(gen))
items.append(4)
print(list(gen))
items.append(5)
print(list(gen))

gen = growing([1, 2, 3])
next(gen)
try:
    gen.send("not None")
except AttributeError as e:
    print("send:", e)

gen = growing((1, 2, 3))
next(gen)
try:
    gen.throw(KeyError("thrown"))
except KeyError as e:
    print("throw:", repr(e))
print(list(gen))

gen = growing(range(10))
print(next(gen), next(gen))
gen.close()
print(list(gen))


def counted(n):
    total = 0
    for i in range(n):
        got = yield from [i, i * 10]
        total += i if got is None else -1
    return total


result = 0
for _ in range(200):
    g = counted(20)
    while True:
        try:
            result += next(g)
        except StopIteration as stop:
            result += stop.value
            break
print("counted", result)
