# async for with __aiter__/__anext__ and StopAsyncIteration, driven by hand.
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

class Pause:
    def __await__(self):
        yield "pause"

class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Pause()
        self.i += 1
        return self.i * 10

async def collect(aiter):
    out = []
    async for v in aiter:
        out.append(v)
    return out

print(run(collect(Ticker(4))))

async def with_else_and_break():
    log = []
    async for v in Ticker(5):
        if v == 30:
            log.append("break")
            break
        log.append(v)
    else:
        log.append("else not reached")
    async for v in Ticker(2):
        log.append(v)
    else:
        log.append("else after exhaustion")
    return log

print(run(with_else_and_break()))

# __aiter__ returning a separate iterator object; __anext__ returning a custom awaitable.
class Value:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield "fetching " + str(self.v)
        return self.v

class EndOfStream:
    def __await__(self):
        raise StopAsyncIteration
        yield

class Cursor:
    def __init__(self, rows):
        self.rows = rows
        self.pos = 0
    def __anext__(self):
        if self.pos >= len(self.rows):
            return EndOfStream()
        self.pos += 1
        return Value(self.rows[self.pos - 1])

class Table:
    def __init__(self, rows):
        self.rows = rows
    def __aiter__(self):
        return Cursor(self.rows)

async def query():
    names = []
    async for row in Table(["ann", "bob"]):
        names.append(row.upper())
    return names

co = query()
try:
    while True:
        print("driver:", co.send(None))
except StopIteration as e:
    print("rows:", e.value)

# Nested async for, continue, and exceptions in the body.
async def nested():
    pairs = []
    async for a in Ticker(3):
        if a == 20:
            continue
        async for b in Ticker(2):
            pairs.append((a, b))
    try:
        async for v in Ticker(3):
            if v == 20:
                raise KeyError(v)
    except KeyError as e:
        pairs.append("KeyError " + str(e))
    return pairs

print(run(nested()))
