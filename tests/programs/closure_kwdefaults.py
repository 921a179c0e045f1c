# A function with positional defaults, keyword-only defaults and a closure at once.
def make(base):
    def f(a, b=2, *, c=3, d=4):
        return base + a + b * 10 + c * 100 + d * 1000
    return f
f = make(0.5)
print(f(1), f(1, 5), f(1, c=7), f(1, 2, c=0, d=0))
g = make(1000000)
print(g(0, 0, c=0, d=0))

def defaults_from_enclosing():
    x = 5
    def h(v=x, *, w=x * 2):
        return v, w, x
    x = 6
    return h()
print(defaults_from_enclosing())
