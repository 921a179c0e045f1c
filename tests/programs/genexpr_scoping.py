# Genexpr scoping: the first iterable is evaluated immediately in the enclosing scope;
# later iterables and conditions are evaluated lazily, inside the generator.
def source(tag, n):
    print("  evaluating iterable", tag)
    return range(n)

def cond(v):
    print("  checking", v)
    return v % 2 == 0

g = (x for x in source("first", 3) if cond(x))
print("created")
print(next(g))
print("after first next")
print(list(g))

h = (x * y for x in source("outer", 2) for y in source("inner", 2))
print("created nested")
print(list(h))

# An error in the first iterable raises at creation time...
try:
    bad = (x for x in 10)
except TypeError as e:
    print("at creation:", e)

# ...but an error in a later iterable or the condition only when iterating.
lazy = (x for x in range(3) for y in 5)
print("created lazy without error")
try:
    next(lazy)
except TypeError as e:
    print("on iteration:", e)

lazy2 = (x for x in range(3) if undefined_name)
print("created lazy2 without error")
try:
    list(lazy2)
except NameError as e:
    print("on iteration:", e)

# Only iter() is called at creation; the first __next__ comes later.
class Noisy:
    def __iter__(self):
        print("  __iter__ called")
        return self
    def __next__(self):
        print("  __next__ called")
        raise StopIteration

n = (v for v in Noisy())
print("genexpr over Noisy created")
print(list(n))

# The loop variable does not leak into the enclosing scope.
x = "outer x"
total = sum(x for x in range(10))
print(total, x)

# Rebinding the name of the first iterable after creation has no effect.
data = [1, 2, 3]
gd = (v * 10 for v in data)
data = [7, 8, 9]
print(list(gd))

# Mutating the same list object does affect it (it is iterated lazily).
items = [1, 2]
gi = (v for v in items)
items.append(3)
print(list(gi))

# Globals used in the element expression are looked up lazily (late binding).
scale = 2
gs = (v * scale for v in range(3))
scale = 100
print(list(gs))
