# `yield` directly in a class body is outside any function: SyntaxError.
print("never printed")
class C:
    x = 1
    yield x
