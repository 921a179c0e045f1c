# isdisjoint, issubset, issuperset with sets and other iterables.
a = {1, 2, 3}
def gen(*vals):
    for v in vals:
        yield v
cases = [set(), {1}, {1, 2, 3}, {1, 2, 3, 4}, {4, 5}, {3, 4}, frozenset({2, 3}), frozenset()]
for c in cases:
    print(c, a.isdisjoint(c), a.issubset(c), a.issuperset(c), c.isdisjoint(a), c.issubset(a), c.issuperset(a))
print(a.isdisjoint([4, 5]), a.isdisjoint((3,)), a.isdisjoint(range(4, 10)), a.isdisjoint(gen(9, 1)))
print(a.isdisjoint("abc"), a.isdisjoint({4: 0}), a.isdisjoint({1: 0}), a.isdisjoint([]))
print(a.issubset([1, 2, 3, 4]), a.issubset((1, 2)), a.issubset(range(10)), a.issubset(gen(3, 2, 1)))
print(a.issubset({1: 0, 2: 0, 3: 0}), a.issubset([]), set().issubset([]), set().issubset("x"))
print(a.issuperset([1, 1, 2]), a.issuperset((4,)), a.issuperset(range(1, 4)), a.issuperset(gen()))
print(a.issuperset({3: 0}), a.issuperset([]), set().issuperset([]), set().issuperset([1]))
print(a.issubset(a), a.issuperset(a), a.isdisjoint(a), set().isdisjoint(set()))
f = frozenset(a)
print(f.isdisjoint([9]), f.issubset(range(5)), f.issuperset([1]), f.issubset(a), a.issuperset(f))
for name in ["isdisjoint", "issubset", "issuperset"]:
    try:
        getattr(a, name)(3)
    except TypeError as e:
        print(name, "TypeError:", e)
    try:
        getattr(a, name)()
    except TypeError as e:
        print(name, "TypeError:", e)
    try:
        getattr(a, name)([1], [2])
    except TypeError as e:
        print(name, "TypeError:", e)
try:
    print(a.issubset([[1]]))
except TypeError as e:
    print("TypeError:", e)
try:
    print(a.issuperset([[1]]))
except TypeError as e:
    print("TypeError:", e)
try:
    print(a.isdisjoint([[1]]))
except TypeError as e:
    print("TypeError:", e)
print(a.isdisjoint([1, [2]]))
consumed = []
def tracking(vals):
    for v in vals:
        consumed.append(v)
        yield v
print(a.isdisjoint(tracking([7, 8, 2, 9, 10])), consumed)
consumed.clear()
print(a.issuperset(tracking([1, 5, 2, 3])), consumed)
consumed.clear()
print(a.issubset(tracking([3, 2, 1, 0])), consumed)
teams = {"red": {"ann", "bob"}, "blue": {"cat"}, "green": {"bob", "dan"}}
names = sorted(teams)
for i in range(len(names)):
    for j in range(i + 1, len(names)):
        x = names[i]
        y = names[j]
        print(x, y, teams[x].isdisjoint(teams[y]))
everyone = set().union(*teams.values())
print(sorted(everyone), all(t.issubset(everyone) for t in teams.values()), everyone.issuperset(["ann", "cat"]))
