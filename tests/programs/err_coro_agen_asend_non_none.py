# asend() of a non-None value to a just-started async generator: TypeError.
async def agen():
    x = yield 1
    yield x

a = agen()
print("created")
a.asend("early").send(None)
