# Tier 2: builtins shadowed and restored mid-loop, class attributes and
# methods changed mid-loop, and class attributes added that shadow lookups.


def my_len(x):
    return 1000


def measure(items):
    return len(items) + abs(-len(items))


data = [1, 2, 3, 4]
total = 0
for i in range(9000):
    total += measure(data)
    if i == 3000:
        len = my_len
    if i == 6000:
        del len
    if i % 1000 == 0 or i in (3001, 6001):
        print("len", i, total, measure(data))
print("len total", total)


# abs shadowed via globals() in the middle of a loop, then removed.
def dist(a, b):
    return abs(a - b)


acc = 0
for i in range(8000):
    acc += dist(i, 4000)
    if i == 2000:
        globals()["abs"] = lambda v: 1
    if i == 5000:
        del globals()["abs"]
    if i % 1000 == 0:
        print("abs", i, acc)
print("abs total", acc, abs(-3))


# min/max swapped; isinstance shadowed directly in the loop body.
acc = 0
for i in range(6000):
    acc += max(i % 17, 8) - min(i % 5, 2)
    if i == 2000:
        max = min
    if i == 4000:
        del max
print("max/min", acc)

ints = 0
for i in range(5000):
    v = i if i % 2 == 0 else float(i)
    if isinstance(v, int):
        ints += 1
    if i == 2500:
        isinstance = lambda a, b: True
del isinstance
print("isinstance", ints)


# A class attribute changed in the middle of a hot loop.
class C:
    factor = 2

    def __init__(self, base):
        self.base = base

    def value(self):
        return self.base * self.factor

    def method(self, x):
        return x + self.base


c = C(5)
acc = 0
for i in range(9000):
    acc += c.value() + C.factor
    if i == 3000:
        C.factor = 3
    if i == 6000:
        C.factor = 0.5
    if i % 1500 == 0:
        print("factor", i, acc)
print("factor total", acc)


# A method replaced mid-loop with a plain function assigned to the class.
def new_method(self, x):
    return x * self.base


def newer_method(self, x):
    return -x


acc = 0
for i in range(9000):
    acc += c.method(i)
    if i == 3000:
        C.method = new_method
    if i == 6000:
        C.method = newer_method
    if i % 1500 == 0 or i in (3001, 6001):
        print("method", i, acc)
print("method total", acc)


# A method called from inside an inlined function, replaced mid-loop.
class Counter:
    def __init__(self):
        self.n = 0

    def tick(self):
        self.n += 1
        return self.n


def tick_twice(cnt):
    return cnt.tick() + cnt.tick()


def tick_ten(self):
    self.n += 10
    return self.n


cnt = Counter()
acc = 0
for i in range(6000):
    acc += tick_twice(cnt)
    if i == 3000:
        Counter.tick = tick_ten
print("tick", cnt.n, acc)


# An instance attribute shadowing a class method (set on the instance).
class Shape:
    sides = 4

    def area(self):
        return 10

    def describe(self):
        return self.sides


s = Shape()
acc = 0
for i in range(6000):
    acc += s.area() + s.describe()
    if i == 2000:
        s.area = lambda: 1
    if i == 4000:
        s.sides = 7
print("shape", acc)


# A class attribute added to a base class mid-loop that shadows a lookup which
# previously fell through to the superclass; and a data attribute added to the
# subclass that shadows the base class attribute.
class Base:
    kind = "base"

    def tag(self):
        return 1


class Derived(Base):
    def __init__(self):
        self.x = 1


d = Derived()
acc = 0
kinds = []
for i in range(8000):
    acc += d.tag() + d.x
    if i == 2000:
        Derived.tag = lambda self: 100
    if i == 4000:
        Derived.kind = "derived"
    if i == 6000:
        del Derived.tag
    if i % 1000 == 0:
        kinds.append(d.kind)
print("derived", acc, kinds)


# A class attribute used through the instance; an instance attribute added
# mid-loop shadows it; deleting the instance attribute restores it.
class Conf:
    level = 1


cf = Conf()
acc = 0
for i in range(7000):
    acc += cf.level
    if i == 2500:
        cf.level = 50
    if i == 5000:
        del cf.level
    if i == 6000:
        Conf.level = 3
print("conf", acc)


# A property-less data attribute type change on the class.
class Rate:
    r = 2


acc = 0
for i in range(6000):
    acc += i * Rate.r
    if i == 3000:
        Rate.r = 1.5
print("rate", acc)
