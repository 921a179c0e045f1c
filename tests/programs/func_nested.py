# Nested functions (no closures) and lambdas.
def outer(n):
    def helper(a, b):
        return a * b + 1
    def square(v):
        return v * v
    result = 0
    for i in range(n):
        result += helper(i, square(i))
    return result
print(outer(5), outer(10))
def make_ops():
    def add(a, b):
        return a + b
    def mul(a, b):
        return a * b
    return [add, mul]
ops = make_ops()
print([op(6, 7) for op in ops])
double = lambda v: v * 2
print(double(21), (lambda a, b=10: a + b)(5), (lambda *a: len(a))(1, 2, 3))
def apply_twice(fn, v):
    return fn(fn(v))
print(apply_twice(double, 5), apply_twice(lambda s: s + "!", "hi"))
def compose(f, g, v):
    return f(g(v))
print(compose(str, abs, -42), compose(len, str, 12345))
GLOBAL_SCALE = 3
def uses_global():
    def inner(v):
        return v * GLOBAL_SCALE
    return inner(7)
print(uses_global())
GLOBAL_SCALE = 4
print(uses_global())
def builder():
    def inner_a():
        return "A"
    def inner_b():
        return "B" + inner_a_global()
    return inner_a() + inner_b()
def inner_a_global():
    return "g"
print(builder())
print(sorted([3, -1, 2], key=lambda v: v * v), outer(0))
