# Dict comprehensions: CPython's scoping and evaluation order.
def source(tag, items):
    print("  evaluating", tag)
    return items

# The first iterable is evaluated in the enclosing scope; others each time round.
d = {k: v for k in source("outer", "ab") for v in source("inner", [1, 2])}
print(d)

# The loop variables do not leak.
k = "outer k"
v = "outer v"
d = {k: v for k, v in [("x", 1), ("y", 2)]}
print(d, k, v)

# The key is evaluated before the value (Python 3.8+).
def key(n):
    print("  key", n)
    return n
def val(n):
    print("  value", n)
    return n * n
print({key(n): val(n) for n in range(2)})

# Duplicate keys: the last value wins but the first position is kept.
print({c: i for i, c in enumerate("abcab")})

# An error in the first iterable raises before anything is built.
try:
    d = {x: x for x in 5}
except TypeError as e:
    print("TypeError:", e)

# Class bodies: only the first iterable sees class names.
class K:
    base = 10
    keys = ["a", "b"]
    table = {key: len(key) for key in keys}
    try:
        scaled = {n: n * base for n in range(2)}
    except NameError as e:
        error = str(e)
print(K.table, K.error)

# Inside functions, comprehensions read the function's locals.
def invert(mapping, suffix):
    return {v: k + suffix for k, v in mapping.items()}
print(invert({"one": 1, "two": 2}, "!"))

# Late binding of globals used in the comprehension body: evaluated immediately.
factor = 3
dd = {n: n * factor for n in range(3)}
factor = 1000
print(dd)
