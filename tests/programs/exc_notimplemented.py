# NotImplementedError for abstract methods; OverflowError.
import math
class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")
    def describe(self):
        return type(self).__name__ + " with area " + str(self.area())
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return round(math.pi * self.r * self.r, 3)
class Blob(Shape):
    pass
for s in [Circle(1), Circle(2.5), Blob()]:
    try:
        print(s.describe())
    except NotImplementedError as e:
        print("NotImplementedError:", e, type(s).__name__)
try:
    raise NotImplementedError
except NotImplementedError as e:
    print(repr(e), str(e) == "")
for fn_name in ["inf", "nan", "big"]:
    try:
        if fn_name == "inf":
            int(math.inf)
        elif fn_name == "nan":
            int(float("nan"))
        else:
            float(2 ** 5000)
    except OverflowError as e:
        print("OverflowError:", e)
    except ValueError as e:
        print("ValueError:", e)
try:
    2.0 ** 5000
except OverflowError as e:
    print("float pow overflow", type(e).__name__)
try:
    raise OverflowError("custom overflow")
except Exception as e:
    print(type(e).__name__, e)
print(2 ** 5000 > 0, len(str(2 ** 5000)))
