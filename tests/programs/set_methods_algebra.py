# union, intersection, difference, symmetric_difference with many argument kinds.
a = {1, 2, 3, 4, 5}
def gen():
    yield 4
    yield 5
    yield 6
print(a.union(), a.union() is a, a.union() == a)
print(a.union([6, 7]), a.union((8,)), a.union(range(3, 9)), a.union(gen()))
print(a.union({10: "x", 11: "y"}), sorted(a.union("ab"), key=str))
print(a.union([6], (7,), {8}, frozenset([9]), range(10, 12)))
print(a.union(a, a), a.union([]), set().union(), set().union([1], [2]))
print(a.intersection(), a.intersection() is a)
print(a.intersection([1, 2, 99]), a.intersection((5, 4)), a.intersection(range(3)), a.intersection(gen()))
print(a.intersection({1: 0, 2: 0}), a.intersection("ab"), a.intersection([]))
print(a.intersection([1, 2, 3], (2, 3, 4), {3, 2}), a.intersection([1], [2]))
print(a.intersection([1, 1, 1, 2, 2]), a.intersection(set(range(1000))))
print(a.difference(), a.difference() is a)
print(a.difference([1, 2]), a.difference((5,)), a.difference(range(4)), a.difference(gen()))
print(a.difference({1: 0}), a.difference("xyz"), a.difference([1], (2,), {3}), a.difference([], []))
print(a.difference(a), a.difference(range(100)))
print(a.symmetric_difference([4, 5, 6]), a.symmetric_difference((1, 1, 9)), a.symmetric_difference(range(3, 8)))
print(a.symmetric_difference(gen()), a.symmetric_difference({5: 0, 6: 0}), a.symmetric_difference(a))
print(a.symmetric_difference([]), a.symmetric_difference(frozenset({0})))
try:
    a.symmetric_difference()
except TypeError as e:
    print("TypeError:", e)
try:
    a.symmetric_difference([1], [2])
except TypeError as e:
    print("TypeError:", e)
for meth in ["union", "intersection", "difference", "symmetric_difference"]:
    try:
        getattr(a, meth)(5)
    except TypeError as e:
        print(meth, "TypeError:", e)
    try:
        getattr(a, meth)([[1]])
    except TypeError as e:
        print(meth, "TypeError:", e)
print(a)
f = frozenset(a)
for r in [f.union([9]), f.intersection([1]), f.difference([1]), f.symmetric_difference([1]),
          f.union(), f.intersection(), f.difference(), a.union(f), a.intersection(f)]:
    print(type(r).__name__, r)
print(f.union() is f, f.intersection() is f, f.difference() is f)
print(set.union({1}, {2}, {3}), frozenset.union(frozenset({1}), [2]), set.intersection({1, 2}, [2]))
u = set.union
print(u({1}, [5, 6]))
words1 = ["apple", "pear", "fig"]
words2 = ["fig", "kiwi", "apple"]
s1 = set(words1)
print(sorted(s1.union(words2)), sorted(s1.intersection(words2)), sorted(s1.difference(words2)),
      sorted(s1.symmetric_difference(words2)))
print(sorted(set("hello").intersection("world")), sorted(set("hello").union("world")))
ranges = [range(0, 10), range(5, 15), range(8, 20)]
print(set(ranges[0]).intersection(*ranges[1:]), set().union(*ranges))
print(set(ranges[0]).difference(*ranges[1:]))
