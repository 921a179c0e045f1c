# `async for` in a plain function is a SyntaxError.
def f(items):
    async for x in items:
        print(x)
print("never printed")
