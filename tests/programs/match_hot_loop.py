# A hot loop dispatching on the shape of its data with match: traces run the match uops.
class Circle:
    __match_args__ = ("r",)
    def __init__(self, r):
        self.r = r

class Rect:
    __match_args__ = ("w", "h")
    def __init__(self, w, h):
        self.w = w
        self.h = h

def area(shape):
    match shape:
        case Circle(r):
            return 3 * r * r
        case Rect(w, h) if w == h:
            return w * w
        case Rect(w, h):
            return w * h
        case (a, b):
            return a * b
        case {"side": s}:
            return s * s
        case [*items]:
            return sum(items)
        case _:
            return 0

shapes = [Circle(2), Rect(3, 3), Rect(2, 5), (4, 5), {"side": 6}, [1, 2, 3], "none"]
total = 0
for i in range(30000):
    total += area(shapes[i % len(shapes)])
print(total)
counts = {}
for i in range(20000):
    match i % 5, i % 3:
        case (0, 0):
            key = "fizzbuzz"
        case (0, _):
            key = "buzz"
        case (_, 0):
            key = "fizz"
        case _:
            key = "number"
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()))
