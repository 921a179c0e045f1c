# An annotated name cannot be nonlocal.
def f():
    x = 1
    def g():
        nonlocal x
        x: int = 3
    return g
