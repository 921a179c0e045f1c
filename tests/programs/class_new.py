# User-defined __new__: it makes the object, and __init__ runs only on an instance of
# the class; object.__new__ and super().__new__ create plain instances.


class Counted:
    made = 0

    def __new__(cls, x):
        Counted.made += 1
        obj = super().__new__(cls)
        obj.tag = "new"
        return obj

    def __init__(self, x):
        self.x = x


a = Counted(5)
print(a.x, a.tag, Counted.made)


class Singleton:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst


print(Singleton() is Singleton())


class NotMine:
    def __new__(cls):
        return 42

    def __init__(self):
        print("not called")


print(NotMine())


class Sub(Counted):
    def __init__(self, x):
        self.x = x * 2


s = Sub(4)
print(type(s).__name__, s.x, s.tag, Counted.made)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make_points(n):
    total = 0
    for i in range(n):
        p = Point(i, i + 1)
        total += p.x + p.y
        if i == n // 2:
            # From now on Point has its own __new__: the specialized call must notice.
            Point.__new__ = point_new
    return total


def point_new(cls, x, y):
    obj = object.__new__(cls)
    obj.made_by_new = True
    return obj


print(make_points(4000))
p = Point(1, 2)
print(p.x, p.y, p.made_by_new)


def make_counted(n):
    total = 0
    for i in range(n):
        total += Counted(i).x
    return total


print(make_counted(3000), Counted.made)
