# __cause__, __context__ and __suppress_context__: read, assigned with CPython's checks, and set by raise ... from.
e = ValueError("x")
print(e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError("k")
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
e.__context__ = TypeError("ctx")
print(repr(e.__context__))
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
for bad in [("__cause__", 3), ("__context__", "s"), ("__suppress_context__", 1)]:
    try:
        setattr(e, *bad)
    except TypeError as t:
        print(t)
try:
    try:
        raise KeyError("a")
    except KeyError as k:
        raise ValueError("b") from k
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("c") from None
except ValueError as v:
    print(v.__cause__, repr(v.__context__), v.__suppress_context__)
