# Generator methods on classes, and __iter__ written as a generator.
class Tree:
    def __init__(self, value, children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()

t = Tree(1, [Tree(2, [Tree(4, []), Tree(5, [])]), Tree(3, [Tree(6, [])])])
print(list(t))
print(list(t.leaves()))
print(sum(t), max(t))

class Range2:
    def __init__(self, lo, hi, step):
        self.lo = lo
        self.hi = hi
        self.step = step
    def __iter__(self):
        v = self.lo
        while v < self.hi:
            yield v
            v += self.step
    def backwards(self):
        for v in reversed(list(self)):
            yield v

r = Range2(0, 10, 3)
print(list(r), list(r), list(r.backwards()))
for v in r:
    print("r ->", v)

class Counter:
    def __init__(self):
        self.calls = 0
    def ticks(self, n):
        for i in range(n):
            self.calls += 1
            yield self.calls

c = Counter()
t1 = c.ticks(3)
t2 = c.ticks(2)
print(next(t1), next(t2), next(t1), next(t2), next(t1))
print("calls", c.calls)

class Base:
    def items(self):
        yield "base-1"
        yield "base-2"

class Child(Base):
    def items(self):
        yield "child-start"
        yield from super().items()
        yield "child-end"

print(list(Child().items()))

class Static:
    @staticmethod
    def evens(n):
        for i in range(0, n, 2):
            yield i
    @classmethod
    def named(cls, n):
        for i in range(n):
            yield cls.__name__ + str(i)

print(list(Static.evens(7)), list(Static.named(2)))
print(Child.items.__name__, Child.items.__qualname__, Base.items.__qualname__)
