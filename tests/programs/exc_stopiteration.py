# iter/next and StopIteration.
it = iter([1, 2, 3])
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
print(next(it, "default"), next(iter([]), None))
s = iter("ab")
print(next(s), next(s), next(s, "end"))
r = iter(range(3, 6))
print(list(r), list(r))
d = iter({"x": 1, "y": 2})
print(next(d), next(d), next(d, "done"))
t = iter((10, 20))
total = 0
while True:
    try:
        total += next(t)
    except StopIteration:
        break
print("total", total)
lst = [5, 6, 7, 8]
it2 = iter(lst)
first = next(it2)
rest = [v * 10 for v in it2]
print(first, rest)
it3 = iter([1, 2, 3, 4, 5])
for v in it3:
    if v == 2:
        print("skipping", next(it3))
    print("v", v)
z = zip([1, 2], "ab")
print(next(z), next(z), next(z, "zip done"))
e = enumerate(["a", "b"])
print(next(e), list(e))
