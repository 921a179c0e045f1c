# Generators and the iterator protocol: iter(), __next__, __iter__, mixing with iterators.
def gen():
    yield "a"
    yield "b"
    yield "c"

g = gen()
print(iter(g) is g, g.__iter__() is g)
print(g.__next__(), next(g))
print(list(iter(g)))

class Wrapper:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self.numbers()
    def numbers(self):
        for i in range(self.n):
            yield i * i

w = Wrapper(4)
print(list(w), sum(w), [x for x in w])
it1 = iter(w)
it2 = iter(w)
print(next(it1), next(it1), next(it2))

# A class iterator and a generator doing the same job.
class Squares:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        v = self.i * self.i
        self.i += 1
        return v

def squares(n):
    for i in range(n):
        yield i * i

print(list(Squares(5)) == list(squares(5)))

# The bound __next__ method of a generator can be called directly.
src = gen()
step = src.__next__
print(step(), step(), step(), next(src, "end"))

# The in operator consumes a generator up to the match.
def nums():
    for i in range(10):
        yield i
n = nums()
print(4 in n, next(n), 2 in n, list(n))

# str.join, list.extend, dict.update and tuple() accept generators.
print(",".join(gen()))
lst = [0]
lst.extend(squares(3))
print(lst)
d = {}
def lengths(keys):
    for k in keys:
        yield (k, len(k))
d.update(lengths(["x", "yy"]))
print(d)
def kv():
    yield ("one", 1)
    yield ("two", 2)
print(dict(kv()))
print(list(map(str.upper, gen())))
print(min(squares(4), key=lambda v: abs(v - 5)))
