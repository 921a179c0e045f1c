# Hashing frozensets; frozensets as keys; set arguments converted to frozensets for lookup.
print(hash(frozenset()))
print(hash(frozenset({1, 2, 3})))
print(hash(frozenset(range(100))))
print(hash(frozenset([0])), hash(frozenset([1])), hash(frozenset([-1])), hash(frozenset([-2])))
print(hash(frozenset([1, 2])), hash(frozenset([2, 1])), hash(frozenset([1, 2, 2, 1])))
print(hash(frozenset([(1, 2), (3, 4)])), hash(frozenset([0.5, 1.5])), hash(frozenset([2 ** 64])))
print(hash(frozenset([frozenset(), frozenset([1])])))
print(hash(frozenset([True, False])) == hash(frozenset([1, 0])))
print(hash(frozenset(range(1000))), hash(frozenset(range(-500, 500))))
x = frozenset({3, 1, 2})
y = frozenset([1, 2, 3])
print(x == y, hash(x) == hash(y), x is y)
z = frozenset(range(50)) - frozenset(range(3, 50))
print(z, hash(z) == hash(frozenset({0, 1, 2})))
print(hash(x) == hash(x), hash(frozenset({1, 2})) != hash(frozenset({1, 3})))
d = {}
d[frozenset({1, 2})] = "one-two"
d[frozenset({2, 1})] = "two-one"
d[frozenset()] = "empty"
d[frozenset({3})] = "three"
print(len(d), d[frozenset([1, 2])], d[frozenset()], d.get(frozenset({9}), "none"))
print(sorted(d.values()))
for k in d:
    print(sorted(k), d[k])
print(d)
s = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3}), frozenset()}
print(len(s), frozenset({1, 2}) in s, frozenset({1}) in s)
print({1, 2} in s, {1} in s, set() in s, {3} not in s)
s.remove({1, 2})
print(len(s), frozenset({1, 2}) in s)
s.discard({3})
s.discard({99})
print(len(s), sorted(len(e) for e in s))
s.add(frozenset({7, 8}))
print(frozenset({8, 7}) in s, {7, 8} in s)
try:
    s.remove({42})
except KeyError as e:
    print("KeyError:", e)
try:
    s.add({1})
except TypeError as e:
    print("TypeError:", e)
try:
    d[{1, 2}]
except TypeError as e:
    print("TypeError:", e)
try:
    hash({1})
except TypeError as e:
    print("TypeError:", e)
try:
    {frozenset(): 1, set(): 2}
except TypeError as e:
    print("TypeError:", e)
print(frozenset({1, 2}) in [{1, 2}], {1, 2} in [frozenset({1, 2})], {1, 2} in ({1, 2},))
nested = frozenset([frozenset([1]), frozenset([frozenset([2])])])
print(len(nested), frozenset([1]) in nested, frozenset([frozenset([2])]) in nested)
print(nested == frozenset([frozenset([frozenset([2])]), frozenset([1])]))
cache = {}
def key_for(items):
    return frozenset(items)
for group in [[1, 2], [2, 1], [3], [1, 2, 2], [], [3, 3]]:
    k = key_for(group)
    cache[k] = cache.get(k, 0) + 1
print(sorted((sorted(k), v) for k, v in cache.items()))
t = (frozenset({1}), frozenset({2}))
print(hash(t) == hash((frozenset([1]), frozenset([2]))), {t: 1}[(frozenset([1]), frozenset([2]))])
print(hash(frozenset({frozenset({1, 2}), 3})) == hash(frozenset({3, frozenset({2, 1})})))
