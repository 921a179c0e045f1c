# Classes defined in functions: methods close over the function's variables.
def make_point_class(dims):
    names = "xyz"[:dims]
    class Point:
        def __init__(self, *coords):
            if len(coords) != dims:
                raise TypeError("expected " + str(dims) + " coordinates")
            self.coords = coords
        def describe(self):
            return ", ".join([n + "=" + str(c) for n, c in zip(names, self.coords)])
        def dims(self):
            return dims
    return Point
P2 = make_point_class(2)
P3 = make_point_class(3)
print(P2(1, 2).describe(), P3(1, 2, 3).describe(), P2(0, 0).dims())
try:
    P2(1)
except TypeError as e:
    print("TypeError:", e)

def with_counter():
    created = 0
    class Tracked:
        def __init__(self):
            nonlocal created
            created += 1
            self.index = created
    a, b, c = Tracked(), Tracked(), Tracked()
    return created, c.index
print(with_counter())
