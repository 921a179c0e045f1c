# frozenset: construction, identity rules, methods, immutability.
f = frozenset([3, 1, 2])
print(f, len(f), 2 in f, 5 in f, type(f).__name__)
print(frozenset(f) is f, f.copy() is f, frozenset(f) == f)
g = frozenset(set(f))
print(g == f, g is f)
print(frozenset([]) == frozenset(), frozenset(()), frozenset(range(0)))
print(f.union([4]), f.intersection([1, 9]), f.difference([1]), f.symmetric_difference([1, 7]))
print(f.isdisjoint([9]), f.issubset(range(10)), f.issuperset([1, 2]))
print(f | {9}, f & {1}, f - {1}, f ^ {1, 9})
print(type(f | {9}).__name__, type({9} | f).__name__, type(f.union({9})).__name__, type({9}.union(f)).__name__)
for name in ["add", "remove", "discard", "pop", "clear", "update", "difference_update",
             "intersection_update", "symmetric_difference_update"]:
    try:
        getattr(f, name)
        print(name, "exists")
    except AttributeError as e:
        print("AttributeError:", e)
methods = ["copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset",
           "symmetric_difference", "union"]
print([m for m in methods if hasattr(f, m)])
all_methods = methods + ["add", "clear", "difference_update", "discard", "intersection_update", "pop",
                         "remove", "symmetric_difference_update", "update"]
print(sorted(m for m in all_methods if hasattr(frozenset, m)))
print(sorted(m for m in all_methods if hasattr(set, m)))
h = f
h |= {10}
print(f, h, h is f)
print(frozenset("aab") == frozenset(["a", "b"]), sorted(frozenset("hello")))
print(frozenset({1: 2, 3: 4}), frozenset(x * 2 for x in range(4)))
d = {f: "f", frozenset(): "empty"}
print(d[frozenset([1, 2, 3])], d[frozenset()])
s = {f, frozenset([1, 2, 3]), frozenset()}
print(len(s))
print(isinstance(f, frozenset), isinstance(f, set), isinstance(set(), frozenset), isinstance({1}, set))
print(frozenset.__name__, set.__name__, type(f) is frozenset, type(set()) is set)
print(frozenset([frozenset([1]), frozenset([1])]))
print(repr(frozenset([(1, 2)])), str(frozenset([None])))
def make():
    return frozenset([1, 2])
print(make() == make(), hash(make()) == hash(make()))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    f[0]
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset(1)
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset([1], [2])
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset([[1]])
except TypeError as e:
    print("TypeError:", e)
