# throw() into a just-started generator, an exhausted one, and one that returns after catching.
def g():
    print("  body started")
    try:
        yield 1
    except ValueError:
        print("  caught inside")
        yield 2

# Just started: the exception is raised at the start, the body never runs,
# so the try in the body cannot catch it.
a = g()
try:
    a.throw(ValueError("early"))
except ValueError as e:
    print("just-started generator re-raised:", e)
print("frame is None:", a.gi_frame is None)
print(next(a, "exhausted"))

# Exhausted: throw just raises the exception.
b = g()
print(list(b))
try:
    b.throw(KeyError("late"))
except KeyError as e:
    print("exhausted generator raised:", e)

# Catching and returning: throw() raises StopIteration carrying the value.
def catch_and_return():
    try:
        yield "ok"
    except ValueError as e:
        return "returned after " + str(e)

c = catch_and_return()
next(c)
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("StopIteration value:", e.value)

# The exception's traceback passes through the generator.
def fails_inside():
    yield 1
    raise IndexError("from the body")

d = fails_inside()
next(d)
try:
    next(d)
except IndexError as e:
    print("IndexError:", e)
print(next(d, "finished after raising"))

# A generator that converts the thrown exception into another one.
def converter():
    try:
        yield
    except ValueError as e:
        raise RuntimeError("converted") from e

cv = converter()
next(cv)
try:
    cv.throw(ValueError("orig"))
except RuntimeError as e:
    print(e, "cause:", type(e.__cause__).__name__, e.__cause__)

# throw into a generator suspended inside a finally-protected block.
def guarded():
    try:
        yield "in try"
    finally:
        print("  finally runs while the exception passes")

gd = guarded()
next(gd)
try:
    gd.throw(NameError("thrown"))
except NameError as e:
    print("after finally:", e)
