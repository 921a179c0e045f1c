# Genexprs inside functions reading the function's locals and parameters.
def weighted_sum(values, weight):
    return sum(v * weight for v in values)

def above(values, threshold):
    return list(v for v in values if v > threshold)

def pairs_with(items, other):
    return list((a, b) for a in items for b in other if a != b)

def normalise(values):
    total = sum(values)
    return list(round(v / total, 3) for v in values)

def count_matching(words, prefix):
    return sum(1 for w in words if w.startswith(prefix))

print(weighted_sum([1, 2, 3], 10))
print(above([5, 1, 8, 3, 9], 4))
print(pairs_with([1, 2], [2, 3]))
print(normalise([1, 1, 2]))
print(count_matching(["alpha", "beta", "alps", "gamma"], "al"))

class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def cells(self):
        w = self.w
        return list((x, y) for y in range(self.h) for x in range(w))
    def count_border(self):
        w, h = self.w, self.h
        return sum(1 for x, y in self.cells() if x in (0, w - 1) or y in (0, h - 1))

g = Grid(4, 3)
print(g.cells()[:5], g.count_border())

def nested_locals(n):
    offsets = [100, 200]
    return list(list(i + o for o in offsets) for i in range(n))
print(nested_locals(3))

def make_counter_gen(start):
    step = 2
    return (start + step * k for k in range(4))
print(list(make_counter_gen(5)))
