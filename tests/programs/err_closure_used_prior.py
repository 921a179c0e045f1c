# nonlocal after the name was used.
def f():
    x = 1
    def g():
        print(x)
        nonlocal x
    return g
