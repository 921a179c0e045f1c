# An exception thrown into a generator that does not handle it propagates to the caller.
def g():
    try:
        yield 1
    except KeyError:
        print("not this one")
    yield 2

gen = g()
print(next(gen))
gen.throw(ValueError("thrown into the generator"))
