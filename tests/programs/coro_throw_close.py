# throw() and close() on coroutines suspended inside an await.
class Pause:
    def __await__(self):
        yield "paused"

async def resilient():
    count = 0
    while True:
        try:
            await Pause()
        except ValueError as e:
            count += 1
            print("  resilient caught", e, "count", count)
            if count == 2:
                return "gave up after " + str(count)

c = resilient()
print(c.send(None))
print(c.throw(ValueError("first")))
try:
    c.throw(ValueError, "second")
except StopIteration as e:
    print("returned:", e.value)

async def cleanup():
    try:
        await Pause()
        await Pause()
    finally:
        print("  coroutine finally")

c = cleanup()
c.send(None)
print("close ->", c.close())
print("cr_frame after close:", c.cr_frame)

async def catches_exit():
    try:
        await Pause()
    except GeneratorExit:
        print("  coroutine saw GeneratorExit")
        raise

c = catches_exit()
c.send(None)
c.close()

# An exception not handled by the coroutine comes out of throw().
async def simple():
    await Pause()
    return "unreachable"

c = simple()
c.send(None)
try:
    c.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated:", e)

# throw() into a just-created coroutine raises without running the body.
async def never_runs():
    print("  never printed")

c = never_runs()
try:
    c.throw(IndexError("early"))
except IndexError as e:
    print("early throw:", e)

# close() on a coroutine that never started is silent.
c = never_runs()
c.close()
print("closed unstarted coroutine")

# The thrown exception reaches the innermost awaitable's generator first.
class Catching:
    def __await__(self):
        try:
            yield "inner"
        except ValueError:
            print("  __await__ generator caught it")
            return "handled in awaitable"

async def outer():
    r = await Catching()
    return "outer got: " + r

c = outer()
c.send(None)
try:
    c.throw(ValueError("deep"))
except StopIteration as e:
    print(e.value)

# A coroutine that awaits in its finally ignores close(): RuntimeError.
async def stubborn():
    try:
        await Pause()
    finally:
        await Pause()

c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.send(None)
except GeneratorExit:
    print("resumed coroutine re-raised GeneratorExit")
