# Rebinding methods on classes and instances.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "Hello, " + self.name
g = Greeter("Ann")
h = Greeter("Ben")
print(g.greet(), h.greet())
def shout(self):
    return "HEY " + self.name.upper() + "!"
Greeter.greet = shout
print(g.greet(), h.greet())
def whisper():
    return "psst"
g.greet = whisper
print(g.greet(), h.greet())
del g.greet
print(g.greet())
bound = h.greet
Greeter.greet = lambda self: "lambda " + self.name
print(bound(), h.greet())
class Calc:
    def op(self, a, b):
        return a + b
c = Calc()
results = []
for i in range(6):
    if i == 3:
        Calc.op = lambda self, a, b: a * b
    results.append(c.op(i, 10))
print(results)
def new_method(self, x):
    return "new " + str(x)
Calc.extra = new_method
print(c.extra(5), Calc.extra(c, 6))
class Sub(Calc):
    pass
sc = Sub()
print(sc.op(3, 4))
Sub.op = lambda self, a, b: a - b
print(sc.op(3, 4), c.op(3, 4))
