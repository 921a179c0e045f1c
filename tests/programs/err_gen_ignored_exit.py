# A generator that yields during close(): RuntimeError "generator ignored GeneratorExit".
state = {"closing": False}

def stubborn():
    try:
        yield 1
    finally:
        if not state["closing"]:
            state["closing"] = True
            yield "again"

g = stubborn()
print(next(g))
g.close()
print("never printed")
