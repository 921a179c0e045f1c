# Closures over a parameter: make_adder, __closure__ and cell_contents.
def make_adder(n):
    def add(x):
        return x + n
    return add

add3 = make_adder(3)
add10 = make_adder(10)
print(add3(4), add10(4), add3(add10(1)))
print(type(add3.__closure__).__name__, len(add3.__closure__))
print(add3.__closure__[0].cell_contents, add10.__closure__[0].cell_contents)
print(type(add3.__closure__[0]).__name__)
print(make_adder.__closure__)
print((lambda: 1).__closure__)
adders = [make_adder(i) for i in range(5)]
print([a(100) for a in adders])
print(add3.__name__, add3.__qualname__)
