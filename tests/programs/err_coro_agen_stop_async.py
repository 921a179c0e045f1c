# StopAsyncIteration raised inside an async generator becomes RuntimeError.
async def agen():
    yield 1
    raise StopAsyncIteration

a = agen()
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("yielded", e.value)
a.__anext__().send(None)
