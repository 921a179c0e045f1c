# Single inheritance, overriding, super().
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak()
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "Woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"
    def describe(self):
        return super().describe() + ", age " + str(self.age)
class Cat(Animal):
    kind = "cat"
    def speak(self):
        return "Meow"
animals = [Animal("Generic"), Dog("Rex"), Puppy("Bit", 1), Cat("Tom")]
for a in animals:
    print(a.describe())
for a in animals:
    print(type(a).__name__, isinstance(a, Animal), isinstance(a, Dog), isinstance(a, Puppy), isinstance(a, Cat))
p = animals[2]
print(p.name, p.age, p.kind, Puppy.kind, Animal.kind)
class Base:
    def __init__(self):
        self.log = ["base"]
    def hook(self):
        return "base-hook"
    def run(self):
        return self.hook()
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("derived")
    def hook(self):
        return "derived-hook"
d = Derived()
print(d.log, d.run(), Base().run())
class NoInit(Base):
    pass
n = NoInit()
print(n.log, n.run())
class Shape:
    def area(self):
        return 0
    def __str__(self):
        return type(self).__name__ + "(area=" + str(self.area()) + ")"
class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
shapes = [Shape(), Rect(2, 3), Square(4)]
for s in shapes:
    print(str(s), s)
print(sum([s.area() for s in shapes]))
