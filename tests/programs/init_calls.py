# Calls of user classes whose __init__ is a Python function, in hot loops (so that
# tier 1 specializes them as CALL_ALLOC_AND_ENTER_INIT and tier 2 projects through
# __init__): several classes, inherited and overriding __init__s, __init__ raising
# and returning non-None, __init__ calling methods and looping, __init__ replaced
# mid-loop, class attributes changed by __init__, and recursion creating objects.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Vector3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z


class Empty:
    def __init__(self):
        pass


def several_classes(n):
    total = 0
    e = None
    for i in range(n):
        p = Point(i, -i)
        v = Vector3(i, 1, 2)
        w = Vector3(1, i % 7, 3)
        e = Empty()
        total += p.norm1() + v.dot(w)
    print("several classes", total, type(e).__name__, isinstance(p, Point))


several_classes(3000)


# Inheritance: an inherited __init__, an overriding one that calls super().__init__,
# and a grandchild that inherits the override.
class Animal:
    def __init__(self, name, legs):
        self.name = name
        self.legs = legs

    def describe(self):
        return self.name + "/" + str(self.legs)


class Dog(Animal):
    pass


class Bird(Animal):
    def __init__(self, name):
        super().__init__(name, 2)
        self.flies = True


class Penguin(Bird):
    def describe(self):
        return "penguin " + super().describe()


def inheritance(n):
    legs = 0
    names = 0
    last = []
    for i in range(n):
        a = Animal("cat", 4)
        d = Dog("dog", 4 - i % 2)
        b = Bird("robin")
        p = Penguin("pingu")
        legs += a.legs + d.legs + b.legs + p.legs
        names += len(p.describe()) + (1 if b.flies else 0)
        last = [a.describe(), d.describe(), b.describe(), p.describe()]
    print("inheritance", legs, names, last)


inheritance(2500)


# __init__ raising, directly or from a method it calls; caught by the caller.
class Checked:
    def __init__(self, value):
        if value % 100 == 99:
            raise ValueError("bad value " + str(value))
        self.value = self.validate(value)

    def validate(self, value):
        if value % 250 == 7:
            raise KeyError(value)
        return value * 2


def raising(n):
    ok = 0
    bad = []
    for i in range(n):
        try:
            c = Checked(i)
            ok += c.value
        except ValueError as e:
            bad.append(str(e))
        except KeyError as e:
            bad.append("key " + str(e))
    print("raising", ok, len(bad), bad[:4], bad[-2:])


raising(3000)


# Raising with no branch before it (so from inside a trace through __init__).
class Ratio:
    def __init__(self, v):
        self.r = 1000 // (v % 97 - 1)


def ratios(n):
    total = 0
    errors = 0
    for i in range(n):
        try:
            total += Ratio(i).r
        except ZeroDivisionError:
            errors += 1
    print("ratios", total, errors)


ratios(3000)


# __init__ returning something other than None: TypeError after __init__ ran.
class Sometimes:
    def __init__(self, value):
        self.value = value
        if value % 50 == 0:
            return value
        if value % 75 == 0:
            return None


class Always:
    def __init__(self, flag):
        self.flag = flag
        return self


TABLE = {1000: 42, 1500: "x", 1999: 2.5}


class Lookup:
    def __init__(self, v):
        self.v = v
        return TABLE.get(v)


def returning(n):
    made = 0
    errors = {}
    for i in range(n):
        try:
            made += Lookup(i).v
        except TypeError as e:
            errors[str(e)] = errors.get(str(e), 0) + 1
        try:
            s = Sometimes(i)
            made += s.value
        except TypeError as e:
            errors[str(e)] = errors.get(str(e), 0) + 1
        try:
            Always(i)
        except TypeError as e:
            errors[str(e)] = errors.get(str(e), 0) + 1
    print("returning", made, sorted(errors.items()))


returning(2000)


# __init__ calling other methods, with a loop inside __init__.
class Stats:
    def __init__(self, values):
        self.values = values
        self.reset()
        for v in values:
            self.add(v)
        self.mean = self.total / len(values) if values else 0.0

    def reset(self):
        self.total = 0
        self.count = 0

    def add(self, v):
        self.total += v
        self.count += 1


def methods(n):
    acc = 0.0
    counts = 0
    for i in range(n):
        s = Stats([i, i + 1, i + 2, i % 5])
        acc += s.mean
        counts += s.count
    print("methods", acc, counts)


methods(2500)


# __init__ replaced mid-loop (same and different arity), on the class and on a base.
class Shape:
    def __init__(self, size):
        self.size = size
        self.kind = "shape"


class Square(Shape):
    pass


def init_double(self, size):
    self.size = size * 2
    self.kind = "double"


def init_pair(self, a, b):
    self.size = a + b
    self.kind = "pair"


def replaced(n):
    total = 0
    kinds = {}
    for i in range(n):
        if i == n // 4:
            Shape.__init__ = init_double
        if i == n // 2:
            Square.__init__ = init_pair
        if i < n // 2:
            sq = Square(i)
        else:
            sq = Square(i, 1)
        sh = Shape(i)
        total += sq.size + sh.size
        kinds[sq.kind + "+" + sh.kind] = kinds.get(sq.kind + "+" + sh.kind, 0) + 1
    print("replaced", total, sorted(kinds.items()))


replaced(4000)


# __init__ changing a class attribute (which changes the type) at every call.
class Tracked:
    created = 0

    def __init__(self, tag):
        Tracked.created += 1
        self.tag = tag


def tracked(n):
    tags = 0
    for i in range(n):
        t = Tracked(i % 3)
        tags += t.tag
    print("tracked", Tracked.created, tags)


tracked(3000)


# Recursion creating objects: tree building from a function, and from __init__ itself.
class Node:
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right


def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid - 1), build(mid + 1, hi))


def tree_sum(node):
    if node is None:
        return 0
    return node.value + tree_sum(node.left) + tree_sum(node.right)


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


class Tree:
    def __init__(self, depth):
        self.depth = depth
        if depth > 0:
            self.kids = [Tree(depth - 1), Tree(depth - 1)]
        else:
            self.kids = []

    def size(self):
        n = 1
        for k in self.kids:
            n += k.size()
        return n


def recursion(n):
    sums = 0
    sizes = 0
    for i in range(n):
        root = build(0, 40 + i % 20)
        sums += tree_sum(root)
        sizes += Tree(i % 6).size()
    print("recursion", sums, sizes, height(build(0, 1000)))


recursion(300)


# Unbounded recursion through __init__: RecursionError unwinds through every frame.
class Deep:
    def __init__(self, n):
        self.n = n
        self.child = Deep(n + 1)


def deep_recursion():
    caught = 0
    for i in range(5):
        try:
            Deep(0)
        except RecursionError:
            caught += 1
    print("deep recursion caught", caught)


deep_recursion()


# Calls that are not specialized as CALL_ALLOC_AND_ENTER_INIT, mixed in: defaults,
# keywords, *args, no __init__, and exceptions with an __init__.
class WithDefault:
    def __init__(self, a, b=10):
        self.total = a + b


class Star:
    def __init__(self, *args):
        self.n = len(args)


class Plain:
    pass


class AppError(Exception):
    def __init__(self, code):
        super().__init__("code " + str(code))
        self.code = code


def others(n):
    total = 0
    codes = 0
    for i in range(n):
        total += WithDefault(i).total + WithDefault(i, 1).total + WithDefault(a=i, b=2).total
        total += Star(i, i, i).n + Star().n
        p = Plain()
        p.x = i
        total += p.x
        try:
            raise AppError(i % 4)
        except AppError as e:
            codes += e.code
    print("others", total, codes, str(AppError(7)))


others(2000)


# Many objects kept alive at once, with reference cycles.
class Link:
    def __init__(self, value, prev):
        self.value = value
        self.prev = prev
        self.next = None
        if prev is not None:
            prev.next = self


def linked(n):
    head = Link(0, None)
    node = head
    for i in range(1, n):
        node = Link(i, node)
    total = 0
    count = 0
    node = head
    while node is not None:
        total += node.value
        count += 1
        node = node.next
    print("linked", count, total)


for _ in range(3):
    linked(5000)
