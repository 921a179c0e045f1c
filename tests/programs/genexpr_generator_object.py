# A generator expression is a full generator: send, throw, close, attributes.
g = (x * 2 for x in range(5))
print(type(g).__name__, g.__name__, g.gi_running)
print(next(g), g.send(None))
try:
    g.throw(ValueError("into genexpr"))
except ValueError as e:
    print("throw propagates:", e)
print(g.gi_frame, next(g, "exhausted"))

h = (c for c in "abc")
print(next(h))
h.close()
print(list(h), h.gi_frame)

# Sending non-None to a just-started genexpr is a TypeError, as for any generator.
ge = (i for i in range(3))
try:
    ge.send(1)
except TypeError as e:
    print("TypeError:", e)
print(ge.send(None), list(ge))

# The value sent is ignored by a genexpr: it still yields the next element.
s = (n for n in range(3))
next(s)
print(s.send("ignored"), s.send(123))

k = (x for x in [1, 2])
print(iter(k) is k, k.gi_code.co_name)
print(list(k), list(k))

def outer():
    return (i for i in range(2))
print(outer().__qualname__)

class C:
    def method(self):
        return (i for i in range(2))
print(C().method().__qualname__)

# StopIteration from the element expression becomes RuntimeError.
def stopper(v):
    raise StopIteration(v)
bad = (stopper(v) for v in range(2))
try:
    next(bad)
except RuntimeError as e:
    print("RuntimeError:", e)
