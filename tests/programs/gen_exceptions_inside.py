# Exceptions inside generators: try/except around yields, propagation to the caller.
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield "div by zero"

print(list(safe_div([(1, 2), (3, 0), (9, 3)])))

def propagates():
    yield 1
    yield int("not a number")
    yield 3

out = []
try:
    for v in propagates():
        out.append(v)
except ValueError as e:
    print("caller caught:", e, "after", out)

# The exception raised by the caller while iterating does not enter the generator.
def counting():
    for i in range(5):
        yield i

c = counting()
try:
    for v in c:
        if v == 2:
            raise KeyError("caller")
except KeyError:
    print("caller error; generator still usable:", next(c))

# Exception context inside a generator.
def context_demo():
    try:
        raise ValueError("first")
    except ValueError:
        yield "handling"
        try:
            raise TypeError("second")
        except TypeError as e:
            yield type(e.__context__).__name__

print(list(context_demo()))

# sys.exc_info-like state is saved across yields: a bare raise after resuming.
def reraise():
    try:
        raise IndexError("saved")
    except IndexError:
        yield "suspended inside except"
        raise

r = reraise()
print(next(r))
try:
    next(r)
except IndexError as e:
    print("bare raise after resume:", e)

# The exception the caller is handling becomes the __context__ of one raised in the generator.
def check_context():
    try:
        raise RuntimeError("inner")
    except RuntimeError as e:
        yield e.__context__

cc = check_context()
try:
    raise KeyError("outer")
except KeyError:
    print("context inside generator:", next(cc))

# Exceptions in a generator's finally during exhaustion replace nothing when none is pending.
def finally_raises():
    try:
        yield 1
    finally:
        raise LookupError("from finally")

fr = finally_raises()
next(fr)
try:
    next(fr)
except LookupError as e:
    print("LookupError:", e)

# The error passes through a yield from chain.
def deep_error(n):
    if n == 0:
        yield "bottom"
        raise ArithmeticError("at the bottom")
    yield from deep_error(n - 1)

try:
    for v in deep_error(4):
        print(v)
except ArithmeticError as e:
    print("deep:", e)
