# enumerate, zip, sorted, reversed, iter, next, any, all.
names = ["ann", "bob", "cid"]
ages = [31, 25, 40, 99]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=10):
    print(i, n)
for n, a in zip(names, ages):
    print(n, a)
print(list(zip(names, ages, "xyz")), list(zip()), list(zip([1], [])))
for a, b, c in zip(range(3), "abc", [True, False, None]):
    print(a, b, c)
print(sorted(zip(ages, names)), list(reversed(list(enumerate(names)))))
rev = reversed(names)
print(next(rev), next(rev), list(rev))
it = iter(range(5))
print(next(it), next(it), list(it), next(it, "exhausted"))
print(any([x > 35 for x in ages]), all([x > 20 for x in ages]), all([x > 30 for x in ages]))
pairs = list(zip(*[[1, 2, 3], [4, 5, 6]]))
print(pairs)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([list(col) for col in zip(*matrix)])
d = dict(zip(names, ages))
print(d)
print(dict(enumerate("xyz")))
idx = [i for i, v in enumerate([5, 3, 5, 1, 5]) if v == 5]
print(idx)
total = 0
for i, (n, a) in enumerate(zip(names, ages)):
    total += i * a
print(total)
print(list(enumerate(reversed(range(3)))), sorted(reversed([3, 1, 2])))
print(list(iter([1, 2])), tuple(iter("ab")), sum(iter([1, 2, 3])))
