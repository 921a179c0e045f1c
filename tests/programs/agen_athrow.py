# athrow(): throwing exceptions into async generators, in its different signatures.
def run(aw):
    while True:
        try:
            aw.send(None)
        except StopIteration as e:
            return e.value

async def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("  caught", e.args)
            yield "recovered"

c = catcher()
print(run(c.__anext__()))
print(run(c.athrow(ValueError)))
print(run(c.__anext__()))
print(run(c.athrow(ValueError("instance"))))
print(run(c.__anext__()))
print(run(c.athrow(ValueError, "type and value")))
print(run(c.__anext__()))
print(run(c.athrow(ValueError, ValueError("v"), None)))
print(run(c.__anext__()))

# An exception not handled inside propagates, and the generator is finished.
try:
    run(c.athrow(KeyError("unhandled")))
except KeyError as e:
    print("propagated:", e)
try:
    run(c.__anext__())
except StopAsyncIteration:
    print("finished")

# athrow into a just-started async generator.
async def fresh():
    print("  never printed")
    yield 1

f = fresh()
try:
    run(f.athrow(IndexError("early")))
except IndexError as e:
    print("early athrow:", e)
try:
    run(f.__anext__())
except StopAsyncIteration:
    print("fresh generator is finished")

# Catching the thrown exception and returning: StopAsyncIteration.
async def returns():
    try:
        yield 1
    except ValueError:
        return

r = returns()
run(r.__anext__())
try:
    run(r.athrow(ValueError))
except StopAsyncIteration:
    print("athrow ended the generator: StopAsyncIteration")

# athrow from inside a coroutine.
async def user():
    c = catcher()
    await c.__anext__()
    got = await c.athrow(ValueError("from coroutine"))
    await c.aclose()
    return got

print(run(user()))
