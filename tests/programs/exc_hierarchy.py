# Exception class hierarchy and multi-except.
errors = [ValueError("v"), TypeError("t"), IndexError("i"), KeyError("k"), ZeroDivisionError("z"),
          AttributeError("a"), NameError("n"), RecursionError("r"), StopIteration("s"), AssertionError("as"),
          NotImplementedError("ni"), OverflowError("o"), Exception("e")]
for err in errors:
    try:
        raise err
    except (ValueError, TypeError) as e:
        print("value/type:", type(e).__name__, e)
    except (IndexError, KeyError) as e:
        print("lookup:", type(e).__name__, e)
    except ZeroDivisionError as e:
        print("zero:", e)
    except Exception as e:
        print("generic:", type(e).__name__, e)
print(isinstance(RecursionError("x"), Exception), isinstance(NotImplementedError(), Exception))
print(isinstance(ZeroDivisionError(), Exception), isinstance(KeyError("x"), Exception))
def raiser(kind):
    if kind == 0:
        raise ValueError("zero")
    if kind == 1:
        raise KeyError(kind)
    if kind == 2:
        return [][0]
    if kind == 3:
        return {}[kind]
    return "ok"
for k in range(5):
    try:
        print(k, raiser(k))
    except ValueError:
        print(k, "ValueError")
    except Exception as e:
        print(k, "Exception subclass", type(e).__name__, repr(e))
try:
    try:
        raise IndexError("inner")
    except KeyError:
        print("wrong handler")
except IndexError as e:
    print("outer got", e)
try:
    raise NotImplementedError
except Exception as e:
    print(repr(e), type(e).__name__)
