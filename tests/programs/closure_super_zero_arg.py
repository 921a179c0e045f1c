# Zero-argument super() through the implicit __class__ cell.
class Base:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "Base greets " + self.name
    @classmethod
    def make(cls, name):
        return cls(name)

class Mid(Base):
    def __init__(self, name):
        super().__init__(name.upper())
    def greet(self):
        return "Mid+" + super().greet()

class Leaf(Mid):
    def greet(self):
        return "Leaf+" + super().greet()
    @classmethod
    def make(cls, name):
        obj = super().make(name + "!")
        return obj
    def via_lambda(self):
        # A lambda has no first argument for super() to use.
        try:
            return (lambda: super().greet())()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)
    def via_lambda_with_arg(self):
        return (lambda me: super(Leaf, me).greet())(self)

leaf = Leaf("ann")
print(leaf.greet())
print(Leaf.make("bo").greet())
print(leaf.via_lambda())
print(leaf.via_lambda_with_arg())
print(type(super(Leaf, leaf)).__name__)

class Renamed(Base):
    def greet(me):
        return "Renamed+" + super().greet()
print(Renamed("cy").greet())

class NoArgs(Base):
    def nested(self):
        def inner():
            return super().greet()
        try:
            return inner()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)
    @staticmethod
    def static():
        try:
            return super().greet()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)
print(NoArgs("d").nested())
print(NoArgs.static())

def not_a_method():
    try:
        return super()
    except RuntimeError as e:
        return "RuntimeError: " + str(e)
print(not_a_method())

def free_function(self):
    try:
        return super().greet()
    except RuntimeError as e:
        return "RuntimeError: " + str(e)
print(free_function(leaf))

class Deleted(Base):
    def greet(self):
        del self
        try:
            return super().greet()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)
print(Deleted("e").greet())
