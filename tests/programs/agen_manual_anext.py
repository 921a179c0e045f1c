# Driving an async generator by hand: __anext__() awaitables, StopIteration values,
# StopAsyncIteration at the end.
class Pause:
    def __await__(self):
        yield "paused"

async def agen():
    print("  agen started")
    yield "first"
    await Pause()
    yield "second"
    print("  agen ending")

a = agen()
aw = a.__anext__()
print(type(aw).__name__)
try:
    aw.send(None)
except StopIteration as e:
    print("yielded:", e.value)

aw = a.__anext__()
print("suspension:", aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("yielded:", e.value)

aw = a.__anext__()
try:
    aw.send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)

aw = a.__anext__()
try:
    aw.send(None)
except StopAsyncIteration:
    print("still exhausted")

# anext-like helper with a default.
def anext_or(agen, default):
    aw = agen.__anext__()
    while True:
        try:
            aw.send(None)
        except StopIteration as e:
            return e.value
        except StopAsyncIteration:
            return default

async def numbers():
    for i in range(3):
        yield i

n = numbers()
print([anext_or(n, "end") for _ in range(5)])

# An async generator's yield can receive None only through __anext__.
async def receiver():
    got = yield "ready"
    print("  received", got)
    yield "after"

r = receiver()
print(anext_or(r, "end"), anext_or(r, "end"), anext_or(r, "end"))

# Exceptions raised inside the async generator come out of the awaitable.
async def broken():
    yield 1
    raise ValueError("broken agen")

b = broken()
print(anext_or(b, "end"))
try:
    anext_or(b, "end")
except ValueError as e:
    print("ValueError:", e)
print(anext_or(b, "end after error"))
