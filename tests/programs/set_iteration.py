# Iterating over sets: for loops, iterators, builtins that consume sets.
s = {5, 1, 9, 3}
for x in s:
    print("item", x)
it = iter(s)
print(type(it).__name__, next(it), next(it), list(it), list(it))
it = iter(set())
try:
    next(it)
except StopIteration:
    print("empty iterator stops")
it2 = iter(frozenset([4, 2]))
print(type(it2).__name__, list(it2))
it3 = iter(s)
print(iter(it3) is it3)
print(sorted(s), sorted(s, reverse=True), list(s), tuple(s), len(list(s)))
print(sum(s), min(s), max(s), any(s), all(s), all({0, 1}), any({0}), any(set()), all(set()))
print(list(enumerate(s)), list(zip(s, "abcd")))
print(list(map(lambda v: v * 10, s)), list(filter(lambda v: v > 3, s)))
print([v for v in s if v % 3 == 0], {v: v * v for v in s})
print(dict.fromkeys(s, 0), list(reversed(sorted(s))))
print(", ".join(str(v) for v in s), ", ".join(sorted({"b", "a", "c"})))
print(sorted(frozenset({3, 1, 2})), max(frozenset({-1, -5})), sum(frozenset()))
total = 0
for x in frozenset(range(10)):
    total += x
print(total)
nested = {(1, 2), (3, 4), (5, 6)}
for a, b in nested:
    print("pair", a, b, a * b)
def gen_from(st):
    for v in st:
        yield v * 2
print(list(gen_from({1, 2, 3})), set(gen_from({1, 2, 3})))
count = 0
for x in set(range(1000)):
    count += 1
print(count)
s2 = {1, 2, 3}
for x in s2.copy():
    s2.discard(x)
print(s2)
s3 = set(range(10))
for x in list(s3):
    if x % 2:
        s3.remove(x)
print(s3)
s4 = {1, 2, 3}
for x in s4:
    if x == 2:
        break
else:
    print("no break")
print("broke at", x)
for x in set():
    print("never")
else:
    print("empty loop else")
it4 = iter({10, 20, 30})
print(next(it4), next(it4), next(it4), next(it4, "done"), next(it4, "still done"))
s5 = {1, 2}
it5 = iter(s5)
s5.discard(99)
s5.add(1)
print(list(it5))
print(len(list(iter({1, 2, 3}))), list(iter(frozenset())))
print(sorted({3, 1, 2}, key=lambda v: -v), sorted(frozenset("cab")))
unpack_a, unpack_b = {7, 8}
print(unpack_a, unpack_b)
print(*{1, 2, 3})
print([*{4, 5}], (*frozenset({6}),), [*{}, *set()])
def takes(*args):
    return args
print(takes(*{1, 2}), takes(*frozenset([3])))
