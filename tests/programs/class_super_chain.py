# Three-level inheritance and super() chaining.
class Base:
    def __init__(self, a):
        self.a = a
        self.trace = ["Base.__init__"]
    def total(self):
        return self.a
    def name(self):
        return "Base"
class Mid(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
        self.trace.append("Mid.__init__")
    def total(self):
        return super().total() + self.b
    def name(self):
        return "Mid>" + super().name()
class Leaf(Mid):
    def __init__(self, a, b, c):
        super().__init__(a, b)
        self.c = c
        self.trace.append("Leaf.__init__")
    def total(self):
        return super().total() + self.c
    def name(self):
        return "Leaf>" + super().name()
objs = [Base(1), Mid(1, 2), Leaf(1, 2, 3)]
for o in objs:
    print(o.name(), o.total(), o.trace)
class Greeting:
    def __init__(self):
        self.parts = []
    def build(self):
        self.parts.append("hello")
        return self
class Polite(Greeting):
    def build(self):
        super().build()
        self.parts.append("please")
        return self
class VeryPolite(Polite):
    def build(self):
        self.parts.append("kindly")
        return super().build()
print(VeryPolite().build().parts, Polite().build().parts)
class Err(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
class SubErr(Err):
    def __init__(self, msg):
        super().__init__("sub: " + msg, 42)
try:
    raise SubErr("boom")
except Err as e:
    print(type(e).__name__, str(e), e.code, e.args)
