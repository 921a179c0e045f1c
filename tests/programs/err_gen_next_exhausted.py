# next() without a default on an exhausted generator: StopIteration with the return value.
def g():
    yield 1
    return "the return value"

gen = g()
print(next(gen))
next(gen)
