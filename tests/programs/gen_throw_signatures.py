# throw() in all its signatures: type, instance, type + value, type + value + traceback None.
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("  caught ValueError", e.args)
        except KeyError as e:
            print("  caught KeyError", e.args)

g = catcher()
print(next(g))
print("throw(type):", g.throw(ValueError))
print("throw(instance):", g.throw(ValueError("inst")))
print("throw(type, value):", g.throw(ValueError, "from value"))
print("throw(type, instance):", g.throw(ValueError, ValueError("same instance")))
print("throw(type, tuple):", g.throw(ValueError, ("a", "b")))
print("throw(type, value, None):", g.throw(ValueError, "with tb None", None))
print("throw(KeyError instance):", g.throw(KeyError("k")))

# An exception the generator does not handle propagates out of throw()
# and the generator is finished afterwards.
try:
    g.throw(TypeError("not handled"))
except TypeError as e:
    print("propagated:", e)
print("frame after:", g.gi_frame)
print(next(g, "exhausted"))

class MyError(Exception):
    def __init__(self, code):
        Exception.__init__(self, "code " + str(code))
        self.code = code

def handler():
    try:
        yield 1
    except MyError as e:
        print("  MyError with code", e.code)
        yield "recovered"
    yield "after"

h = handler()
next(h)
print(h.throw(MyError(7)))
print(next(h))

h2 = handler()
next(h2)
print(h2.throw(MyError, 8))

# The value returned by throw() is the next value yielded.
def value_after_throw():
    n = 0
    while True:
        try:
            yield n
        except ArithmeticError:
            n += 100
        n += 1

v = value_after_throw()
print(next(v), next(v), v.throw(ZeroDivisionError), next(v), v.throw(OverflowError("x")))

# throw() with something that is not an exception is a TypeError.
try:
    v.throw(42)
except TypeError as e:
    print("TypeError:", e)
try:
    v.throw(ValueError("x"), "y")
except TypeError as e:
    print("TypeError:", e)
print(next(v))
