# asend(): sending values into an async generator.
class Pause:
    def __await__(self):
        yield "paused"

def run(aw):
    while True:
        try:
            aw.send(None)
        except StopIteration as e:
            return e.value

async def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            return
        await Pause()
        total += v

acc = accumulator()
print(run(acc.asend(None)))
print(run(acc.asend(5)))
print(run(acc.asend(10)))
try:
    run(acc.__anext__())
except StopAsyncIteration:
    print("__anext__() sends None, so the generator returned: StopAsyncIteration")
try:
    run(acc.asend(7))
except StopAsyncIteration:
    print("still StopAsyncIteration afterwards")

# asend with a non-None value to a just-started async generator.
a2 = accumulator()
try:
    run(a2.asend(1))
except TypeError as e:
    print("TypeError:", e)
print(run(a2.asend(None)))
print(run(a2.asend(3)))
run(a2.aclose())

# Driving asend from inside a coroutine with await.
async def echo():
    reply = "start"
    while True:
        msg = yield reply
        reply = "echo:" + str(msg)

async def talk():
    e = echo()
    out = [await e.asend(None)]
    for m in ["a", "b"]:
        out.append(await e.asend(m))
    await e.aclose()
    return out

print(run(talk()))

# The asend awaitable itself has send/throw/close.
e = echo()
aw = e.asend(None)
print(hasattr(aw, "send"), hasattr(aw, "throw"), hasattr(aw, "close"), hasattr(aw, "__await__"))
print(run(aw))
run(e.aclose())
