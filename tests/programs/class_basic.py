# Classes: __init__, methods, attributes.
class Counter:
    def __init__(self, start=0):
        self.value = start
        self.history = []
    def inc(self, by=1):
        self.value += by
        self.history.append(by)
        return self
    def get(self):
        return self.value
c = Counter()
c.inc().inc(5).inc(-2)
print(c.get(), c.value, c.history)
d = Counter(100)
print(d.get(), c.get(), d.history is c.history)
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self, other):
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(1, 2)
q = p.moved(3, 4)
print(p.x, p.y, q.x, q.y, p.dist2(q), q.dist2(p))
p.z = "dynamic"
print(p.z)
p.x = 10
print(p.x, q.x)
m = p.dist2
print(m(q), m(Point(0, 0)))
print(Point.dist2(p, q), type(p).__name__, type(Point).__name__)
print(isinstance(p, Point), isinstance(5, Point))
class Empty:
    pass
e = Empty()
e.a = 1
e.b = [e.a]
print(e.a, e.b)
try:
    print(e.missing)
except AttributeError as err:
    print("AttributeError:", err)
class Temperature:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg
    def to_f(self):
        return self.deg * 9 / 5 + 32
temps = [Temperature(t) for t in [-40, 0, 37, 100]]
print([t.to_f() for t in temps], temps[0].scale, Temperature.scale)
