# A parameter that is captured is a cell that keeps its slot: reassigning it after the
# closure is made is visible through the closure.
def f(a, b, *rest, k=5):
    get_a = lambda: a
    get_k = lambda: k
    get_rest = lambda: rest
    a = a * 100
    k = k + 1
    return get_a(), b, get_k(), get_rest()
print(f(1, 2))
print(f(3, 4, 5, 6, k=7))

def g(x):
    def set_x(v):
        nonlocal x
        x = v
    def get_x():
        return x
    return set_x, get_x
s, gx = g("first")
print(gx())
s("second")
print(gx())

class P:
    def __init__(self, v):
        self.v = v
def method_like(self, scale):
    return lambda: self.v * scale
print(method_like(P(7), 3)())
