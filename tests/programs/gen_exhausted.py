# Exhausted generators stay exhausted; next() on them raises StopIteration every time.
def three():
    yield 1
    yield 2
    yield 3
    return "value only once"

g = three()
print(list(g))
for i in range(3):
    try:
        next(g)
    except StopIteration as e:
        print("attempt", i, "StopIteration value", e.value)

# A generator that raised is exhausted too.
def raiser():
    yield "ok"
    raise KeyError("broken")

r = raiser()
print(next(r))
try:
    next(r)
except KeyError as e:
    print("KeyError", e)
try:
    next(r)
except StopIteration:
    print("StopIteration after the error")

# Iterating partially, then fully, then again.
def letters():
    for ch in "abcdef":
        yield ch

l = letters()
part = []
for ch in l:
    part.append(ch)
    if ch == "c":
        break
print(part, list(l), list(l))

# A fresh generator each call.
print(list(three()), list(three()))

# zip with an exhausted generator produces nothing and does not touch the others.
e = three()
list(e)
f = three()
print(list(zip(e, f)), next(f))
print(list(zip(f, e)), list(f))

# sum/max of an exhausted generator
h = three()
print(sum(h), sum(h), max(three()), max(h, default="empty"))
print(sorted(h), list(enumerate(h)), dict(zip(h, h)))
