# The first iterable of a generator expression is evaluated at creation: the error is immediate.
def numbers():
    return 42

print("before")
g = (x * 2 for x in numbers())
print("never printed")
