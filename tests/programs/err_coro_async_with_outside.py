# `async with` in a plain function is a SyntaxError.
def f(cm):
    async with cm:
        pass
print("never printed")
