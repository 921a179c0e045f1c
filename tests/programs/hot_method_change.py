# Methods replaced on the class mid-loop; instance attribute shadowing mid-loop.
class Shape:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
shapes = [Shape(i % 7) for i in range(20)]
total = 0
for i in range(20000):
    total += shapes[i % 20].area()
    if i == 7000:
        Shape.area = lambda self: self.s * 4
    if i == 14000:
        def tri(self):
            return self.s * self.s // 2
        Shape.area = tri
print("total", total)
class Greeter:
    def hello(self):
        return 1
g = Greeter()
acc = 0
for i in range(9000):
    acc += g.hello()
    if i == 3000:
        g.hello = lambda: 10
    if i == 6000:
        del g.hello
print("acc", acc)
class Base:
    def val(self):
        return 1
class Child(Base):
    pass
c = Child()
s = 0
for i in range(9000):
    s += c.val()
    if i == 3000:
        Child.val = lambda self: 2
    if i == 6000:
        del Child.val
        Base.val = lambda self: 3
print("s", s)
