# `yield` inside a list comprehension is a SyntaxError.
def f(items):
    return [(yield x) for x in items]
print("never printed")
