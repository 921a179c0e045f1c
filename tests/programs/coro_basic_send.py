# async def: creating a coroutine, driving it by hand with send(None), the result in StopIteration.
async def answer():
    print("  coroutine body runs")
    return 42

c = answer()
print(type(c).__name__)
print("created; body has not run")
try:
    c.send(None)
except StopIteration as e:
    print("result:", e.value)

# A helper that runs a coroutine to completion.
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

async def add(a, b):
    return a + b

async def no_return():
    pass

async def with_args(x, y=10, *rest):
    return (x, y, rest)

print(run(add(2, 3)))
print(run(no_return()))
print(run(with_args(1)), run(with_args(1, 2, 3, 4)))

# Exceptions propagate out of send().
async def fails():
    raise ValueError("inside coroutine")

try:
    run(fails())
except ValueError as e:
    print("ValueError:", e)

# A finished coroutine cannot be resumed.
c = add(1, 1)
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# Sending non-None to a just-started coroutine is a TypeError, as for generators.
c2 = add(5, 5)
try:
    c2.send("x")
except TypeError as e:
    print("TypeError:", e)
print(run(c2))

# Coroutine functions are plain functions returning coroutine objects.
print(type(answer).__name__, callable(answer), answer.__name__)
# A coroutine is not an iterator.
c3 = add(0, 0)
print(hasattr(c3, "__next__"), hasattr(c3, "send"), hasattr(c3, "__await__"))
try:
    iter(c3)
except TypeError as e:
    print("TypeError:", e)
c3.close()
