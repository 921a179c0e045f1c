# finally blocks in async generators: at exhaustion, at aclose, on errors, with awaits.
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

async def tracked(name, n):
    print("  start", name)
    try:
        for i in range(n):
            yield i
    finally:
        await Pause("finally of " + name)
        print("  finally", name)

async def consume_all():
    out = []
    async for v in tracked("all", 3):
        out.append(v)
    return out

print(drive(consume_all()))

async def consume_with_error():
    ag = tracked("error", 5)
    try:
        async for v in ag:
            if v == 1:
                raise ValueError("consumer failed at 1")
    except ValueError as e:
        print("  consumer caught", e)
    await ag.aclose()
    return "handled"

print(drive(consume_with_error()))

async def raises_inside():
    try:
        yield 1
        raise KeyError("inside agen")
    finally:
        print("  raises_inside finally")

async def consume_raiser():
    try:
        async for v in raises_inside():
            print("  got", v)
    except KeyError as e:
        return "caught " + str(e)

print(drive(consume_raiser()))

# Nested async generators, closed from the outside in.
async def inner():
    try:
        yield "i"
        yield "j"
    finally:
        print("  inner finally")

async def outer():
    ag = inner()
    try:
        async for v in ag:
            yield v.upper()
    finally:
        await ag.aclose()
        print("  outer finally")

async def use_outer():
    o = outer()
    first = await o.__anext__()
    await o.aclose()
    return first

print(drive(use_outer()))

# try/except around yield in an async generator.
async def safe(values):
    for v in values:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield "zero"

async def collect():
    return [x async for x in safe([5, 0, 2])]

print(drive(collect()))
