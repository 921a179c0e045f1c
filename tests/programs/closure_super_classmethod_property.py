# super() in classmethods, properties, __init__ chains and __repr__.
class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    @classmethod
    def kind(cls):
        return "shape:" + cls.__name__
    @property
    def label(self):
        return "shape " + self.name
    def __repr__(self):
        return "Shape(" + self.name + ")"

class Square(Shape):
    sides = 4
    def __init__(self, name, size):
        super().__init__(name)
        self.size = size
    @classmethod
    def kind(cls):
        return "square/" + super().kind()
    @property
    def label(self):
        return super().label + " of size " + str(self.size)
    def __repr__(self):
        return "Square<" + super().__repr__() + ">"

s = Square("sq", 3)
print(s.kind(), Square.kind())
print(s.label)
print(repr(s))

class Counted:
    instances = 0
    def __init__(self):
        super().__init__()
        Counted.instances += 1
class Sub(Counted):
    def __init__(self):
        super().__init__()
        self.ok = True
Sub(); Sub()
print(Counted.instances, Sub().ok)

class E(Exception):
    def __init__(self, code):
        super().__init__("code " + str(code))
        self.code = code
try:
    raise E(7)
except E as e:
    print(e, e.code, e.args)
