# nonlocal names must be bound in an enclosing function.
x = 1
def f():
    def g():
        nonlocal x
        x = 2
    return g
print(f())
