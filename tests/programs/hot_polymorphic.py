# A single call site seeing many receiver types and argument types.
class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3 * self.r * self.r
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
class Tri:
    def __init__(self, b, h):
        self.b = b
        self.h = h
    def area(self):
        return self.b * self.h / 2
shapes = [Circle(1), Square(2), Tri(3, 4), Circle(2.5), Square(3)]
total = 0
for i in range(20000):
    total += shapes[i % 5].area()
print(total)
def add(a, b):
    return a + b
args = [(1, 2), (1.5, 2), ("a", "b"), ([1], [2]), ((1,), (2,)), (2 ** 64, 1), (True, True)]
out = []
for i in range(7000):
    a, b = args[i % 7]
    r = add(a, b)
    if i >= 6993:
        out.append(r)
print(out)
class P:
    def __init__(self):
        self.x = 1
objs = [P() for _ in range(4)]
objs[1].x = 2.5
objs[2].x = "s"
objs[3].y = 7
res = []
for i in range(8000):
    v = objs[i % 4].x
    if i >= 7996:
        res.append(v)
print(res)
