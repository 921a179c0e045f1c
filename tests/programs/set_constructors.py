# set(...) and frozenset(...) from many kinds of iterables.
print(set([3, 1, 2, 3, 1]))
print(set((5, 4, 5, 4)))
print(set(range(10)))
print(set(range(40, 0, -3)))
print(sorted(set("mississippi")))
print(len(set("mississippi")), len(set("")))
d = {3: "c", 1: "a", 2: "b"}
print(set(d), set(d.keys()), sorted(set(d.values())), sorted(set(d.items())))
def gen(n):
    for i in range(n):
        yield i * i % 7
print(set(gen(10)))
print(set(i % 4 for i in range(100)))
other = {9, 8, 7}
copy = set(other)
print(copy, copy == other, copy is other)
copy.add(6)
print(other, copy)
f = frozenset([1, 2, 3, 2])
print(f, type(f).__name__)
print(set(f), type(set(f)).__name__)
print(frozenset(other), frozenset(range(5)), sorted(frozenset("abcab")))
print(frozenset(f) is f, frozenset(f) == f)
print(frozenset([]) == frozenset(), len(frozenset([])))
s = set([1, 2])
fs = frozenset(s)
print(fs, fs is s)
s.add(3)
print(s, fs)
print(set(iter([4, 5, 4])), frozenset(iter((6, 6, 7))))
print(set(map(abs, [-3, 3, -2, 2, 0])))
print(set(zip([1, 2], [3, 4])))
print(set(enumerate([10, 10])))
print(set(filter(None, [0, 1, 0, 2, 3, 0])))
print(set([[1, 2][0], (1, 2)[1]]))
print(set(sorted([5, 3, 9])), set(reversed([1, 2, 3])))
print(set([None, None]), set([True, 1, 1.0, False, 0]))
print(set(set(set([1]))), frozenset(frozenset(frozenset([2]))))
print(set({}), frozenset({}), set(()), set([]), frozenset(""))
nested = set([frozenset([1, 2]), frozenset([2, 1]), frozenset()])
print(len(nested), frozenset([1, 2]) in nested, frozenset() in nested)
print(set([(1, 2), (1, 2), (3,)]))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(set(Countdown(6)), frozenset(Countdown(3)))
class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * 10
print(set(Seq()))
big = set(range(1000))
print(len(big), min(big), max(big), sum(big))
print(set(x for x in []), set(x for x in [1]))
