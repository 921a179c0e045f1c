# Nested generators: generators that create and consume other generators.
def numbers(n):
    for i in range(n):
        yield i

def pairs(n):
    for i in numbers(n):
        for j in numbers(i):
            yield (j, i)

print(list(pairs(4)))

def row(r):
    for c in range(3):
        yield r * 10 + c

def rows(n):
    for r in range(n):
        yield row(r)

for r in rows(3):
    print(list(r))

def gen_of_gens():
    yield numbers(2)
    yield numbers(3)
    yield iter("xy")

print([list(g) for g in gen_of_gens()])

def interleave(a, b):
    a = iter(a)
    b = iter(b)
    while True:
        x = next(a, None)
        y = next(b, None)
        if x is None and y is None:
            return
        if x is not None:
            yield x
        if y is not None:
            yield y

print(list(interleave(numbers(5), "abc")))

def running(gen):
    total = 0
    for v in gen:
        total += v
        yield total

def doubled(gen):
    for v in gen:
        yield v * 2

print(list(running(doubled(running(numbers(6))))))

# Two independent generators from the same function keep separate state.
a = numbers(3)
b = numbers(3)
print(next(a), next(a), next(b), next(a), next(b), next(b))

# A generator defined inside a function (no captured variables).
def make():
    def inner(k):
        for i in range(k):
            yield "inner" + str(i)
    return inner(2)
print(list(make()))
