# Deep `yield from` chains: 500 levels work; 10,000 levels and a generator delegating
# to itself forever raise RecursionError (never a crash), and the program goes on.


def chain(n):
    if n == 0:
        yield 1
        yield 2
        return "bottom"
    result = yield from chain(n - 1)
    return result


def drive(gen):
    items = []
    while True:
        try:
            items.append(next(gen))
        except StopIteration as stop:
            return items, stop.value


print(drive(chain(500)))
try:
    print(list(chain(10000)))
except RecursionError as e:
    print("RecursionError", e)


def forever():
    yield from forever()


try:
    next(forever())
except RecursionError as e:
    print("RecursionError", e)
print(drive(chain(100)))
