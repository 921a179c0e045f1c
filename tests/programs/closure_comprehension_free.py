# Free variables used inside inlined comprehensions are free variables of the code.
def outer(n):
    def inner():
        return [i * n for i in range(3)]
    return inner
print(outer(5)(), outer.__closure__)
print(outer(2).__closure__[0].cell_contents)

def in_class(base):
    class C:
        values = [base + i for i in range(3)]
        table = {i: base * i for i in range(3)}
    return C
C = in_class(10)
print(C.values, C.table)

def nested(m):
    return [[m * r + c for c in range(3)] for r in range(2)]
print(nested(10))

def local_only(k):
    # k is a plain local here: the comprehension is inlined.
    return [x + k for x in range(3)], [y for y in range(k)]
print(local_only(4))

def captured_in_comp(k):
    fs = [lambda: x + k for x in range(2)]
    k = 100
    return [f() for f in fs]
print(captured_in_comp(1))
