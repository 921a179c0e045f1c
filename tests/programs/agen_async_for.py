# Async generators iterated with async for inside coroutines driven by hand.
class Pause:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        yield self.label

def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

def drive(coro):
    try:
        while True:
            print("  driver:", coro.send(None))
    except StopIteration as e:
        return e.value

async def countdown(n):
    while n > 0:
        await Pause("before " + str(n))
        yield n
        n -= 1

async def collect(agen):
    out = []
    async for v in agen:
        out.append(v)
    return out

print(drive(collect(countdown(3))))

async def evens(limit):
    for i in range(limit):
        if i % 2 == 0:
            yield i

async def squares_of(agen):
    async for v in agen:
        yield v * v

async def pipeline():
    return [v async for v in squares_of(evens(10))]

print(run(pipeline()))

async def no_yield_reached(flag):
    if flag:
        yield "never"

print(run(collect(no_yield_reached(False))))

async def with_break():
    out = []
    ag = evens(100)
    async for v in ag:
        if v > 6:
            break
        out.append(v)
    await ag.aclose()
    return out

print(run(with_break()))

async def awaits_between():
    total = 0
    async for v in countdown(2):
        total += v
        await Pause("body sees " + str(v))
    return total

print(drive(awaits_between()))

print(type(countdown(1)).__name__, type(countdown).__name__)
a = countdown(1)
print(a.__aiter__() is a, hasattr(a, "__anext__"), hasattr(a, "__next__"))
run(a.aclose())

# Async generator methods on a class.
class Feed:
    def __init__(self, items):
        self.items = items
    async def entries(self):
        for item in self.items:
            yield item.title()
    def __aiter__(self):
        return self.entries()

async def read_feed():
    titles = []
    async for t in Feed(["one", "two"]):
        titles.append(t)
    return titles

print(run(read_feed()))
