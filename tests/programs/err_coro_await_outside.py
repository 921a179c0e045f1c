# `await` at module level is a SyntaxError.
async def f():
    return 1
print("never printed")
await f()
