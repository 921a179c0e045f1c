# match statements: every kind of pattern.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Color:
    RED = "red"
    GREEN = "green"

def describe(value):
    match value:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 as small:
            return f"small {small}"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "hello" | "hi":
            return "greeting"
        case Color.RED:
            return "the red color"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x}"
        case [x, y] if x == y:
            return f"pair of equal {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *middle, last]:
            return f"long {first} {middle} {last}"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case {"kind": kind, **rest}:
            return f"shape {kind} {sorted(rest.items())}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "a point"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return "a number"
        case str(s):
            return f"a string {s!r}"
        case (1, 2) | (2, 1):
            return "one and two"
        case _:
            return "something else"

tests = [None, True, False, 0, 1, -1, 2.5, "hello", "hi", "red", [], [5], (3, 3), [3, 4],
         [1, 2, 3, 4], (1, 2, 3), {"kind": "circle", "r": 2}, {"kind": "square", "side": 3, "a": 1},
         {"x": 1}, {}, Point(0, 0), Point(0, 5), Point(5, 0), Point(2, 2), Point(1, 2), 500, 7, 7.5,
         "other", range(2), {1, 2}, object]
for t in tests:
    print(repr(t) if not isinstance(t, (Point, type)) else type(t).__name__, "->", describe(t))

# Names bound by a successful pattern stay bound; a failed pattern binds nothing.
match [1, 2]:
    case [a, b, c]:
        pass
    case [a, b]:
        pass
print(a, b)

def nested(v):
    match v:
        case [Point(x=px), {"k": [_, *tail]}] if tail:
            return ("nested", px, tail)
        case ((p, q), (r, s)):
            return ("pairs", p, q, r, s)
        case [*_]:
            return "any sequence"
        case _:
            return "no"
print(nested([Point(7, 8), {"k": [1, 2, 3]}]))
print(nested([Point(7, 8), {"k": [1]}]))
print(nested(((1, 2), [3, 4])))
print(nested("ab"))
print(nested(42))

# The subject is evaluated once; guards run in order.
calls = []
def subject():
    calls.append("subject")
    return 3
def guard(n):
    calls.append(f"guard {n}")
    return n == 2
match subject():
    case 3 if guard(1):
        print("first")
    case 3 if guard(2):
        print("second")
    case 3:
        print("third")
print(calls)

# Or-patterns binding the same names in different orders.
for v in [(1, "a"), ("b", 2)]:
    match v:
        case (int(n), str(s)) | (str(s), int(n)):
            print("n", n, "s", s)

# break and continue inside match in a loop.
for i in range(6):
    match i:
        case 1:
            continue
        case 4:
            break
        case _:
            print("i", i)

# Key order in **rest.
match dict(a=1, b=2, c=3):
    case {"b": bee, **others}:
        print("bee", bee, others)

# Class patterns for builtins and keyword attributes.
match 3 + 4j:
    case complex(real=r, imag=i):
        print("complex parts", r, i)
match [1, [2, [3, [4]]]]:
    case [_, [_, [_, [deep]]]]:
        print("deep", deep)
