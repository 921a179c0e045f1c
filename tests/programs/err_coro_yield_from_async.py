# `yield from` inside an async function is a SyntaxError.
async def f():
    yield from [1, 2]
print("never printed")
