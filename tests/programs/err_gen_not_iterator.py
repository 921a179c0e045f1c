# next() on a generator function instead of a generator object: TypeError.
def gen():
    yield 1

print(next(gen()))
print(next(gen))
