# isinstance and type() on builtins and user classes.
class A:
    pass
class B(A):
    pass
class C(B):
    pass
objs = [1, 1.5, "s", True, None, [1], (1,), {"a": 1}, A(), B(), C(), range(3), 2 ** 100]
for o in objs:
    print(type(o).__name__, isinstance(o, int), isinstance(o, (str, float)), isinstance(o, A), isinstance(o, B))
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool), type(True) is int)
print(type(1) is int, type(1.0) is float, type("") is str, type(None).__name__)
print(isinstance(C(), (int, B)), isinstance(A(), (B, C)), isinstance(3, (list, tuple, int)))
print(type(A()) is A, type(B()) is A, type(C()).__name__)
def describe(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, (list, tuple)):
        return "seq of " + str(len(v))
    if isinstance(v, dict):
        return "dict"
    return "other"
print([describe(v) for v in [True, 3, 3.0, "x", [1, 2], (), {}, None]])
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), Exception), isinstance(ZeroDivisionError(), Exception))
print(type(describe(1)).__name__, type(A).__name__)
