# Sorting by tuple keys: the fast comparison of tuples of ints, floats and strs must
# order exactly as the general one, falling back for anything else.
nan = float("nan")
records = [(i % 7, -(i * 37 % 101), "k%03d" % (i * 13 % 50), i) for i in range(300)]
print(sorted(records)[:5])
print(sorted(records, key=lambda r: (r[1], r[0]))[:5])
print(sorted(records, key=lambda r: (-r[0], r[2]), reverse=True)[:4])

# Equal prefixes, different lengths, empty tuples.
print(sorted([(1, 2, 3), (1, 2), (), (1,), (1, 2, 3, 0), (0, 9)]))

# Mixed int and float items compare by value; bigints and bools too.
print(sorted([(1, 2.5), (1, 2), (1.0, 3), (0.5, 0), (2**70, 1), (True, -1), (False, 7)]))

# NaN: the same object compares equal to itself inside a tuple; a different NaN does not.
print(sorted([(nan, 2), (nan, 1), (0.0, 5)], key=lambda t: t[1]))
print(sorted([(nan, 2), (nan, 1)]))
other = float("nan")
print(sorted([(other, 2), (nan, 1)]))

# Nested tuples and lists inside keys go through the general comparison.
print(sorted([((2, "b"), [1]), ((1, "z"), [2]), ((2, "a"), [0])]))


class Version:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n > other.n

    def __eq__(self, other):
        return self.n == other.n

    def __repr__(self):
        return "V%d" % self.n


# A user object inside the key tuples: its own __eq__ and __lt__ decide.
print(sorted([(1, Version(1)), (1, Version(3)), (0, Version(9)), (1, Version(2))]))


# Items that cannot be compared raise as in CPython, only when reached.
print(sorted([(1, "a"), (2, 3)]))
try:
    sorted([(1, "a"), (1, 3)])
except TypeError as e:
    print("TypeError:", e)

# Stability with equal keys.
words = ["pear", "fig", "apple", "kiwi", "plum", "date", "lime"]
print(sorted(words, key=lambda w: (len(w), w[0])))
