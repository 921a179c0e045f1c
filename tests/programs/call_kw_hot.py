# Keyword calls of Python functions in hot loops (CALL_KW_PY): plain functions, methods,
# **kwargs callees, a call site that sees a second function, and errors from the callee.
def scaled(x, factor=1, *, offset=0):
    return x * factor + offset

def other(x, factor=1, *, offset=0):
    return x - factor - offset

def gather(first, **rest):
    return first + len(rest)

class Acc:
    def __init__(self):
        self.total = 0
    def add(self, value, *, weight=1):
        self.total += value * weight
        return self.total

def run(n):
    acc = Acc()
    total = 0
    for i in range(n):
        total += scaled(i, factor=2, offset=1)
        total += gather(i, a=1, b=2)
        acc.add(i, weight=3)
    return total, acc.total

print(run(5000))

def polymorphic(n):
    total = 0
    for i in range(n):
        fn = scaled if i % 3 else other
        total += fn(i, offset=i % 7)
    return total

print(polymorphic(6000))

def picky(value, *, limit):
    if value > limit:
        raise ValueError("too big: %d" % value)
    return value

def until_error(n):
    seen = 0
    try:
        for i in range(n):
            seen += picky(i, limit=4000)
    except ValueError as e:
        return seen, str(e)

print(until_error(10000))

def keyword_order(n):
    out = 0
    for i in range(n):
        out += scaled(offset=i, x=1, factor=i % 5)
    return out

print(keyword_order(4000))
