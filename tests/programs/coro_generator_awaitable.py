# Generator-based awaitables: a class whose __await__ is a generator yields control to the loop.
class Suspend:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        reply = yield self.label
        return reply

class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield "sleeping"
        return self.ticks

async def worker():
    r1 = await Suspend("first")
    print("  worker got", r1)
    r2 = await Suspend("second")
    print("  worker got", r2)
    slept = await Sleep(3)
    print("  slept", slept)
    return r1 + r2

w = worker()
print(w.send(None))
print(w.send(10))
print(w.send(20))
print(w.send(None))
print(w.send(None))
try:
    w.send(None)
except StopIteration as e:
    print("result", e.value)

# The yielded value passes through several awaiting coroutines.
async def level3():
    return await Suspend("from level 3")

async def level2():
    return "l2(" + await level3() + ")"

async def level1():
    return "l1(" + await level2() + ")"

c = level1()
print(c.send(None))
try:
    c.send("reply")
except StopIteration as e:
    print(e.value)

# cr_await shows the object being awaited while suspended.
async def waits():
    await Sleep(1)

ws = waits()
print(ws.cr_await)
ws.send(None)
print(type(ws.cr_await).__name__, ws.cr_await.__name__)
try:
    ws.send(None)
except StopIteration:
    print("done", ws.cr_await)
