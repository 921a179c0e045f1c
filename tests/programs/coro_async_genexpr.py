# Asynchronous generator expressions: `async for` in a generator expression, or an
# `await` in one, makes an async generator (in any function, as in CPython 3.11), with
# the first iterable's __aiter__ taken in the enclosing scope.


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        print("aiter", self.n)
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def plus(v, k):
    return v + k


def plain_function():
    # Allowed outside async functions: only iterating it needs one.
    return (x * 2 async for x in Countdown(3))


async def collect(agen):
    return [v async for v in agen]


def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("the coroutine did not finish")


g = plain_function()
print(type(g).__name__, g.ag_code.co_name, g.ag_running)
print(run(collect(g)))


async def main():
    awaits = [v async for v in (await plus(x, 100) for x in range(3))]
    filtered = [v async for v in (x async for x in Countdown(6) if x % 2)]
    nested = [v async for v in (x + y async for x in Countdown(2) for y in (10, 20))]
    inner_async = [v async for v in (y for x in [1, 2] async for y in Countdown(x))]
    mixed = [v async for v in (await plus(x, k) async for x in Countdown(2) for k in (1, 2))]
    return awaits, filtered, nested, inner_async, mixed


for line in run(main()):
    print(line)


async def early_exit():
    gen = (x async for x in Countdown(5))
    async for v in gen:
        if v == 3:
            break
    await gen.aclose()
    return [v async for v in gen]


print(run(early_exit()))
agen = (x async for x in Countdown(1))
print(run(collect(agen)))
