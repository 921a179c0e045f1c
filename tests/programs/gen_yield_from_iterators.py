# yield from a non-generator iterable: lists, tuples, strings, ranges, dicts, iterators.
def flatten_all():
    yield from [1, 2]
    yield from (3, 4)
    yield from "ab"
    yield from range(5, 7)
    yield from {"k1": 1, "k2": 2}
    yield from iter([8, 9])
    yield from []

print(list(flatten_all()))

class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Bag:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)

def from_custom():
    r = yield from Countdown(3)
    print("result of yield from a plain iterator:", r)
    yield from Bag(["p", "q"])

print(list(from_custom()))

class ValueIter:
    # An iterator whose StopIteration carries a value: yield from returns it.
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration("carried")
        return self.i

def uses_value_iter():
    r = yield from ValueIter()
    yield r

print(list(uses_value_iter()))

def nested_lists(data):
    for item in data:
        if isinstance(item, list):
            yield from nested_lists(item)
        else:
            yield item

print(list(nested_lists([1, [2, [3, [4, 5]], 6], [[7]], 8])))

d = {"a": 1, "b": 2}
def items_of(m):
    yield from m.items()
    yield from m.values()
print(list(items_of(d)))
