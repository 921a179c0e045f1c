# Module and class annotations: SETUP_ANNOTATIONS, __annotations__[name] after the
# value is stored, complex targets evaluated and dropped, annotations in nested blocks.
def trace(label, value):
    print("eval", label)
    return value

count: int
print(__annotations__)
total: trace("total annotation", int) = trace("total value", 10)
print(__annotations__, total)

class Point:
    x: int
    y: int = 0
    label: "str" = "origin"
    def norm(self):
        return abs(self.x) + abs(self.y)

print(Point.__annotations__)
print(Point.y, Point.label)
print(hasattr(Point, "x"), hasattr(Point, "y"))

class Empty:
    pass

for i in range(2):
    loop_var: trace("loop annotation %d" % i, int) = i
print(__annotations__)

if True:
    in_if: bool = True
try:
    in_try: float
except Exception:
    pass
print(sorted(__annotations__))

class Holder:
    pass

holder = Holder()
holder.attr: trace("attr annotation", int) = 5
print(holder.attr)
items = [0, 0]
items[trace("index", 1)]: trace("item annotation", int)
items[0]: int = 7
print(items)
(paren): int = 3
print(paren, "paren" in __annotations__)

class Nested:
    class Inner:
        a: int
    b: str

print(Nested.__annotations__, Nested.Inner.__annotations__)
