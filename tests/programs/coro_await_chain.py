# await on coroutines: chains of calls, return values, loops and recursion.
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

async def double(x):
    return x * 2

async def add_doubles(a, b):
    x = await double(a)
    y = await double(b)
    return x + y

async def total(values):
    s = 0
    for v in values:
        s += await double(v)
    return s

async def fact(n):
    if n <= 1:
        return 1
    return n * await fact(n - 1)

async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)

print(run(add_doubles(3, 4)))
print(run(total(range(5))))
print(run(fact(20)))
print(run(fib(15)))

async def trace(name, depth):
    print("  enter", name, depth)
    if depth > 0:
        r = await trace(name, depth - 1)
    else:
        r = name.upper()
    print("  leave", name, depth)
    return r

print(run(trace("t", 2)))

# Await expressions in various positions.
async def positions():
    a = [await double(1), await double(2)]
    b = {"k": await double(3)}
    c = (await double(4)) + 1
    d = await double(await double(5))
    e = f"{await double(6)}"
    return a, b, c, d, e

print(run(positions()))

# await inside try/except/finally in a coroutine.
async def may_fail(n):
    if n < 0:
        raise ValueError("negative " + str(n))
    return n

async def guarded(values):
    out = []
    for v in values:
        try:
            out.append(await may_fail(v))
        except ValueError as e:
            out.append(str(e))
        finally:
            out.append("|")
    return out

print(run(guarded([1, -2, 3])))

# Coroutine methods.
class Account:
    def __init__(self, balance):
        self.balance = balance
    async def deposit(self, amount):
        self.balance += amount
        return self.balance
    async def transfer(self, other, amount):
        self.balance -= amount
        return await other.deposit(amount)

a = Account(100)
b = Account(5)
print(run(a.transfer(b, 30)), a.balance, b.balance)
