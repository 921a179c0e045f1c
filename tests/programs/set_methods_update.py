# update, intersection_update, difference_update, symmetric_difference_update.
def gen(*vals):
    for v in vals:
        yield v
s = {1, 2, 3}
alias = s
print(s.update([4]), s)
s.update((5, 6), {7}, frozenset([8]), range(9, 11), gen(11, 12), {13: 0})
print(s, s is alias)
s.update()
s.update([], ())
print(s)
t = set(range(10))
print(t.intersection_update(range(2, 20)), t)
t.intersection_update([2, 3, 4, 5, 6, 7], (3, 4, 5, 6), {4, 5, 6, 100})
print(t)
t.intersection_update()
print(t)
t.intersection_update(gen(5, 6, 6, 7))
print(t)
t.intersection_update({6: "six"})
print(t)
t.intersection_update([])
print(t)
d = set(range(10))
print(d.difference_update([0, 1]), d)
d.difference_update((2,), {3}, range(4, 6), gen(6), {7: 0})
print(d)
d.difference_update()
print(d)
d.difference_update(d)
print(d)
x = {1, 2, 3}
print(x.symmetric_difference_update([3, 4]), x)
x.symmetric_difference_update((4, 5, 5))
print(x)
x.symmetric_difference_update(gen(1, 1, 9))
print(x)
x.symmetric_difference_update({9: 0, 10: 0})
print(x)
x.symmetric_difference_update(x)
print(x)
y = {1, 2}
y.symmetric_difference_update(frozenset({2, 3}))
print(y)
for name in ["update", "intersection_update", "difference_update", "symmetric_difference_update"]:
    z = {1, 2, 3}
    try:
        getattr(z, name)(7)
    except TypeError as e:
        print(name, "TypeError:", e, z)
    z = {1, 2, 3}
    try:
        getattr(z, name)([4, [5]])
    except TypeError as e:
        print(name, "TypeError:", e, z)
try:
    {1}.symmetric_difference_update()
except TypeError as e:
    print("TypeError:", e)
try:
    {1}.symmetric_difference_update([1], [2])
except TypeError as e:
    print("TypeError:", e)
w = {"b", "a"}
w.update("cab")
print(sorted(w))
w.difference_update("a")
print(sorted(w))
w.intersection_update("bcd")
print(sorted(w))
w.symmetric_difference_update("cz")
print(sorted(w))
seen = set()
dups = []
for v in [3, 1, 3, 2, 1, 5, 3]:
    if v in seen:
        dups.append(v)
    seen.update([v])
print(seen, dups)
nums = set(range(2, 50))
for p in range(2, 8):
    nums.difference_update(range(p * p, 50, p))
print(nums)
f = frozenset([1])
for name in ["update", "intersection_update", "difference_update", "symmetric_difference_update", "add", "discard", "remove", "pop", "clear"]:
    print(name, hasattr(f, name), hasattr(set(), name))
