# async with: __aenter__/__aexit__ awaited, suppression, exceptions,
# return/break/continue through the block, nesting, driven by hand.
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps

class Pause:
    def __await__(self):
        yield "pause"

class Resource:
    def __init__(self, name, log, suppress=False):
        self.name = name
        self.log = log
        self.suppress = suppress
    async def __aenter__(self):
        await Pause()
        self.log.append("enter " + self.name)
        return self.name.upper()
    async def __aexit__(self, exc_type, exc, tb):
        await Pause()
        self.log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return self.suppress

async def basic():
    log = []
    async with Resource("a", log) as value:
        log.append("body " + value)
    return log

print(run(basic()))

async def suppressed():
    log = []
    async with Resource("s", log, suppress=True):
        log.append("about to fail")
        raise KeyError("k")
    log.append("after")
    return log

print(run(suppressed()))

async def propagated():
    log = []
    try:
        async with Resource("p", log):
            raise ValueError("boom")
    except ValueError as e:
        log.append("caught " + str(e))
    return log

print(run(propagated()))

async def returns_through():
    log = []
    async with Resource("r", log) as v:
        return v, log
    return None

print(run(returns_through()))

async def loop_control():
    log = []
    for i in range(4):
        async with Resource(str(i), log):
            if i == 1:
                continue
            if i == 3:
                break
            log.append("body %d" % i)
    return log

print(run(loop_control()))

async def nested():
    log = []
    async with Resource("outer", log) as a, Resource("inner", log) as b:
        log.append(a + b)
    return log

print(run(nested()))

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

async def wrong_protocol():
    try:
        async with SyncOnly():
            pass
    except TypeError as e:
        return str(e)

print(run(wrong_protocol()))

class NoExit:
    async def __aenter__(self):
        return 1

async def missing_aexit():
    try:
        async with NoExit():
            pass
    except TypeError as e:
        return str(e)

print(run(missing_aexit()))

class BadAwaitable:
    def __aenter__(self):
        return 5
    async def __aexit__(self, *a):
        return False

async def not_awaitable():
    try:
        async with BadAwaitable():
            pass
    except TypeError as e:
        return str(e)

print(run(not_awaitable()))

async def hot(n):
    total = 0
    log = []
    for i in range(n):
        async with Resource("h", log) as v:
            total += len(v) + i
    return total, len(log)

print(run(hot(3000)))

async def thrown_in():
    log = []
    try:
        async with Resource("t", log):
            await Pause()
    except RuntimeError as e:
        log.append("caught " + str(e))
    return log

coro = thrown_in()
coro.send(None)
coro.send(None)
try:
    coro.throw(RuntimeError("from outside"))
except StopIteration:
    pass
while True:
    try:
        coro.send(None)
    except StopIteration as e:
        print(e.value)
        break
