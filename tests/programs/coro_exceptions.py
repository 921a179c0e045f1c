# Exceptions propagating through await chains, with try/finally in each coroutine.
class Pause:
    def __await__(self):
        yield

def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

async def bottom(n):
    try:
        await Pause()
        if n == 0:
            raise ZeroDivisionError("n is zero")
        return 100 // n
    finally:
        print("  bottom finally", n)

async def middle(n):
    try:
        return await bottom(n) + 1
    finally:
        print("  middle finally", n)

async def top(n):
    try:
        return await middle(n)
    except ZeroDivisionError as e:
        return "top handled: " + str(e)

print(run(top(4)))
print(run(top(0)))

# Exception chaining inside coroutines.
async def wrap():
    try:
        await bottom(0)
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e

try:
    run(wrap())
except ValueError as e:
    print(e, "<-", type(e.__cause__).__name__, e.__cause__)

# Exception state survives suspension in an except block.
async def reraise_after_pause():
    try:
        raise KeyError("saved")
    except KeyError:
        await Pause()
        raise

try:
    run(reraise_after_pause())
except KeyError as e:
    print("re-raised after await:", e)

# Thrown exceptions unwind the whole chain's finally blocks, innermost first.
async def chain():
    try:
        await middle(5)
    finally:
        print("  chain finally")

c = chain()
c.send(None)
try:
    c.throw(LookupError("thrown in"))
except LookupError as e:
    print("LookupError:", e)

# Return in finally overrides the exception (as in plain functions).
async def override():
    try:
        raise IndexError("lost")
    finally:
        return "finally wins"

print(run(override()))
