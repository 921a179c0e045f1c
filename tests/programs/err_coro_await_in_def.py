# `await` inside a plain (non-async) function is a SyntaxError.
async def f():
    return 1

def g():
    return await f()
print("never printed")
