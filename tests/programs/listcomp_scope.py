# List comprehensions inside functions that read the function's locals.
def scale(values, factor):
    return [v * factor for v in values]
def table(n):
    return [[r * c for c in range(n)] for r in range(n)]
def filter_above(values, limit):
    return [v for v in values if v > limit]
def cross(a, b):
    return [x + y for x in a for y in b]
print(scale([1, 2, 3], 10))
print(table(4))
print(filter_above([5, 1, 8, 3, 9], 4))
print(cross(["a", "b"], ["1", "2", "3"]))
def stats(values):
    mean = sum(values) / len(values)
    dev = [(v - mean) ** 2 for v in values]
    return mean, sum(dev) / len(values)
print(stats([2, 4, 4, 4, 5, 5, 7, 9]))
