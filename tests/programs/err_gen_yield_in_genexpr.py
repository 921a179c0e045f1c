# `yield` inside a generator expression is a SyntaxError.
def f(items):
    return list((yield x) for x in items)
print("never printed")
