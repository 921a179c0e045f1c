# hash() of ints and tuples of ints is deterministic.
for v in [0, 1, -1, -2, 2, 100, -100, 2 ** 31, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 63, 2 ** 64, 2 ** 100, -(2 ** 100), 10 ** 30]:
    print(v, hash(v))
print(hash(True), hash(False))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1, -2)))
print(hash((0, 0)), hash((1, (2, 3))), hash(((1, 2), (3, 4))))
print(hash((2 ** 70, 5)))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(7) == hash(7), hash(-7))
