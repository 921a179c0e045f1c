# Generators: yield, next(), for loops, list(), and StopIteration at the end.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

def letters():
    yield "a"
    yield "b"
    yield "c"

g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, e.value)

for ch in letters():
    print("letter", ch)

print(list(count_up(5)))
print(list(count_up(0)))
print(tuple(letters()))

def squares(values):
    for v in values:
        yield v * v

total = 0
for s in squares([1, 2, 3, 4]):
    total += s
print("sum of squares", total)

def empty():
    return
    yield

print("empty:", list(empty()))

def mixed():
    yield 1
    yield "two"
    yield [3]
    yield (4, 5)
    yield None

for item in mixed():
    print(type(item).__name__, item)

# The body does not start until the first next().
def announce():
    print("body started")
    yield "first"
    print("body resumed")
    yield "second"
    print("body finished")

a = announce()
print("created")
print(next(a))
print("between")
print(next(a))
print(list(a))
