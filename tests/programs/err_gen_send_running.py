# Sending to a generator that is currently running: ValueError.
def g():
    x = yield 1
    gen.send(x)
    yield 2

gen = g()
print(next(gen))
gen.send("value")
