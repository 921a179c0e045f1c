# A generator with several yields per loop pass, a nested generator consumed inside
# the traced generator, and a generator consumed by another generator's for loop.
def triple(n):
    i = 0
    while i < n:
        yield i
        yield -i
        yield i * 2
        i += 1


def inner(n):
    k = 0
    while k < n:
        yield k
        k += 1


def outer(n):
    for v in inner(n):
        yield v + 1


def run():
    a = 0
    for x in triple(3000):
        a += x
    b = 0
    for y in outer(5000):
        b += y
    c = []
    for z in triple(4):
        c.append(z)
    return a, b, c


print(run())
