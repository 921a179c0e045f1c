# A parameter cannot be declared nonlocal.
def f(a):
    def g(b):
        nonlocal b
        return b
    return g
