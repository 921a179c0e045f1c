# try/except/else/finally ordering.
def attempt(v):
    out = []
    try:
        out.append("try")
        r = 10 // v
        out.append("computed " + str(r))
    except ZeroDivisionError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    out.append("after")
    return out
print(attempt(2))
print(attempt(0))
try:
    raise ValueError("bad value")
except ValueError as e:
    print("caught:", e, "| repr:", repr(e), "| args:", e.args)
try:
    raise ValueError
except ValueError as e:
    print("bare class raised:", repr(e), e.args, str(e) == "")
try:
    raise TypeError("t", 1, 2)
except TypeError as e:
    print(str(e), repr(e), e.args)
try:
    [1, 2, 3][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    int("xyz")
except ValueError as e:
    print("ValueError:", e)
try:
    undefined_thing_here
except NameError as e:
    print("NameError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
for v in [1, 0, "x", None]:
    try:
        print(10 / v)
    except ZeroDivisionError:
        print("zero")
    except TypeError as e:
        print("type:", e)
try:
    pass
except Exception:
    print("never")
else:
    print("no exception -> else")
finally:
    print("finally always")
e = None
try:
    raise KeyError("k")
except KeyError as err:
    e = err
print(type(e).__name__, e)
