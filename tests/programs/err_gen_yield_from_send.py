# send() of a non-None value through yield from into a list iterator: AttributeError.
def g():
    yield from [1, 2, 3]

gen = g()
print(next(gen))
gen.send("value")
