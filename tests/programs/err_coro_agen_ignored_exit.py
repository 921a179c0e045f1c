# An async generator that yields during aclose(): RuntimeError.
state = {"closing": False}

async def agen():
    try:
        yield 1
    finally:
        if not state["closing"]:
            state["closing"] = True
            yield 2

a = agen()
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("yielded", e.value)
a.aclose().send(None)
