# Function annotations: evaluated at def time after the defaults, in order, stored in
# __annotations__ (one dict, kept and mutable), including *args, **kwargs and return.
def trace(label, value):
    print("eval", label)
    return value

def f(a: trace("a", int), b: trace("b", str) = trace("default b", "x"), *args: trace("args", tuple),
      c: trace("c", float) = 1.0, **kw: trace("kw", dict)) -> trace("return", list):
    return [a, b, args, c, kw]

print(f.__annotations__)
print(f.__annotations__ is f.__annotations__)
f.__annotations__["extra"] = 1
print(sorted(f.__annotations__))

def plain(x, y):
    return x + y

print(plain.__annotations__)

def only_return() -> "a string annotation":
    pass

print(only_return.__annotations__)

def posonly(a: int, /, b: "B", *, c: 3 + 4):
    pass

print(posonly.__annotations__)

class Box:
    def method(self, item: "Box") -> None:
        pass

print(Box.method.__annotations__)

def outer():
    Local = list
    def inner(x: Local) -> Local:
        return x
    return inner

print(outer().__annotations__)
print(outer()([1]))

def local_annotations():
    x: int = 5
    y: undefined_name_is_not_evaluated
    z: also_undefined = x + 1
    return x, z

print(local_annotations())
