# The handled exception across resumes: a bare raise in a generator re-raises its
# resumer's, its own handler's survives a yield, and nothing leaks out after it ends.
def g():
    try:
        yield 1
        raise
    except Exception as e:
        yield "reraised " + type(e).__name__
    try:
        raise KeyError("k")
    except KeyError:
        yield 2
        try:
            raise
        except KeyError as e:
            yield "inner " + repr(e)
    yield 3
it = g()
print(next(it))
try:
    raise ValueError
except ValueError:
    print(next(it))
print(next(it))
try:
    raise TypeError
except TypeError:
    print(next(it))
print(next(it))
try:
    next(it)
except StopIteration:
    print("stop")
try:
    raise
except RuntimeError as e:
    print(e)
