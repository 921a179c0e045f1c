# Runtime errors around await, caught: reusing a coroutine, awaiting non-awaitables,
# bad __await__ results, and a coroutine raising StopIteration.
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

async def value():
    return "v"

async def await_twice():
    c = value()
    first = await c
    try:
        await c
    except RuntimeError as e:
        return first, "RuntimeError: " + str(e)

print(run(await_twice()))

async def await_things(things):
    out = []
    for t in things:
        try:
            await t
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out

class NoAwait:
    pass

class BadAwait:
    def __await__(self):
        return 42

class AwaitReturnsCoroutine:
    def __await__(self):
        return self.c
    def __init__(self):
        self.c = value()

bad = AwaitReturnsCoroutine()
for line in run(await_things([1, "text", None, [1], NoAwait(), BadAwait(), bad])):
    print(line)
bad.c.close()

# A coroutine raising StopIteration: RuntimeError with the StopIteration as cause.
async def raises_stop():
    raise StopIteration("inside")

try:
    run(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__, e.__cause__.args)

# Awaiting a generator object directly is not allowed (it is not awaitable).
def plain_gen():
    yield 1

async def await_gen():
    g = plain_gen()
    try:
        await g
    except TypeError as e:
        return "TypeError: " + str(e)

print(run(await_gen()))

# A coroutine resumed after it raised is finished.
async def boom():
    raise KeyError("boom")

b = boom()
try:
    b.send(None)
except KeyError:
    print("first send raised KeyError")
try:
    b.send(None)
except RuntimeError as e:
    print("second send:", e)
