# PEP 479: StopIteration raised inside a generator becomes RuntimeError, with __cause__.
def explicit():
    yield 1
    raise StopIteration("explicit")

g = explicit()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__.args)
    print("cause is context:", e.__cause__ is e.__context__)
print(next(g, "exhausted afterwards"))

def leaky_next():
    it = iter([1, 2])
    while True:
        yield next(it)

try:
    print(list(leaky_next()))
except RuntimeError as e:
    print("leaky next():", e, "| cause:", type(e.__cause__).__name__)

def helper():
    raise StopIteration(99)

def calls_helper():
    yield "before"
    helper()
    yield "after"

out = []
try:
    for v in calls_helper():
        out.append(v)
except RuntimeError as e:
    print(out, e, e.__cause__.value)

# Catching StopIteration inside the generator is fine.
def careful():
    it = iter([1, 2])
    while True:
        try:
            v = next(it)
        except StopIteration:
            return "clean end"
        yield v

print(list(careful()))

# Subclasses of StopIteration are converted too.
class MyStop(StopIteration):
    pass

def raises_subclass():
    yield 0
    raise MyStop("sub")

try:
    list(raises_subclass())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

# Other exceptions are not converted.
def raises_value_error():
    yield 0
    raise ValueError("not converted")

try:
    list(raises_value_error())
except ValueError as e:
    print("ValueError:", e)

# A StopIteration thrown in with throw() is converted as well.
def waits():
    yield 1
    yield 2

w = waits()
next(w)
try:
    w.throw(StopIteration("thrown"))
except RuntimeError as e:
    print("throw(StopIteration):", e, "| cause args:", e.__cause__.args)

# The conversion happens in every generator on the way out, once.
def bad(x):
    if x == 2:
        raise StopIteration
    return x * 10

def mapper(values):
    for v in values:
        yield bad(v)

def outer_of_mapper():
    yield from mapper(range(4))

try:
    print(list(outer_of_mapper()))
except RuntimeError as e:
    print("through yield from:", e, "| cause:", type(e.__cause__).__name__)

# return inside a generator is the normal way to stop.
def ret():
    yield 1
    return
    yield 2
print(list(ret()))
