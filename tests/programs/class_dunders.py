# Dunder methods.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Vec(" + repr(self.x) + ", " + repr(self.y) + ")"
    def __str__(self):
        return "<" + str(self.x) + "," + str(self.y) + ">"
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
a = Vec(1, 2)
b = Vec(3, -1)
print(a, repr(a), str(b), [a, b], (a,))
print(a + b, a - b, a * 3, (a + b) * 2 - a)
print(a == Vec(1, 2), a == b, a != b, a != Vec(1, 2), a == 5)
print(a < b, b < a, sorted([b, a, Vec(0, 9), Vec(1, 1)]))
print(min([b, a]), sorted([b, a], reverse=True))
print(f"{a} {a!r}", "{}".format(b))
class Bag:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, v):
        return v in self.items
bag = Bag("hello")
print(len(bag), bag[0], bag[-1], "e" in bag, "z" in bag, "z" not in bag)
print(bool(bag), bool(Bag([])))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    def __repr__(self):
        return f"Money({self.cents // 100}.{self.cents % 100:02d})"
    def __eq__(self, other):
        return self.cents == other.cents
total = Money(0)
for c in [150, 275, 5]:
    total = total + Money(c)
total += 20
print(total, total == Money(450))
