# next() with a default on generators, and exhausted generators staying exhausted.
def two():
    yield 1
    yield 2
    return "done"

g = two()
print(next(g, "default"))
print(next(g, "default"))
print(next(g, "default"))
print(next(g, "default"))
print(next(g, None))

h = two()
print(list(h))
print(list(h))
print(next(h, -1))
for x in h:
    print("never", x)
print("loop over exhausted generator ran zero times")

# A generator that returns a value is still exhausted afterwards.
def returns_value():
    yield "x"
    return 42

r = returns_value()
print(next(r))
try:
    next(r)
except StopIteration as e:
    print("first StopIteration value:", e.value)
try:
    next(r)
except StopIteration as e:
    print("second StopIteration value:", e.value)

def first_match(gen, pred, default):
    for v in gen:
        if pred(v):
            return v
    return default

def evens(limit):
    n = 0
    while n < limit:
        yield n
        n += 2

print(first_match(evens(20), lambda v: v > 7, "none"))
print(first_match(evens(4), lambda v: v > 7, "none"))
print(next(evens(0), "empty"))
print(next(iter([]), "empty list"))
