# aclose(): closing async generators; finally blocks that await; GeneratorExit handling.
class Pause:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        yield self.label

def drive(aw):
    try:
        while True:
            print("  driver:", aw.send(None))
    except StopIteration as e:
        return e.value

async def resource(name):
    try:
        yield name + "-1"
        yield name + "-2"
    finally:
        print("  closing", name)
        await Pause("cleanup await for " + name)
        print("  closed", name)

r = resource("db")
print(drive(r.__anext__()))
print("aclose ->", drive(r.aclose()))
print("frame after aclose:", r.ag_frame)
try:
    drive(r.__anext__())
except StopAsyncIteration:
    print("exhausted after aclose")

# aclose on a never-started and on an exhausted generator.
u = resource("unstarted")
print("aclose unstarted ->", drive(u.aclose()))
async def short():
    yield 1
s = short()
drive(s.__anext__())
try:
    drive(s.__anext__())
except StopAsyncIteration:
    pass
print("aclose exhausted ->", drive(s.aclose()))

# GeneratorExit caught and the generator returns.
async def handler():
    try:
        yield "x"
    except GeneratorExit:
        print("  got GeneratorExit")
        raise

h = handler()
drive(h.__anext__())
drive(h.aclose())

# Yielding during aclose: RuntimeError.
async def stubborn():
    try:
        yield 1
    finally:
        yield 2

st = stubborn()
drive(st.__anext__())
try:
    drive(st.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    drive(st.__anext__())
except GeneratorExit:
    print("resuming re-raised GeneratorExit")
except StopAsyncIteration:
    print("StopAsyncIteration")

# aclose inside a coroutine.
async def user():
    r = resource("inner")
    first = await r.__anext__()
    await r.aclose()
    return "used " + first

print(drive(user()))
