# Set literals: constants, non-constants, duplicates, equal numbers of different types.
print({1, 2, 3})
print({1})
print({7, 7})
print({1, 2})
print(set(), frozenset())
print(type({1}).__name__, type(set()).__name__, type(frozenset()).__name__)
print({} == set(), type({}).__name__)
a = 10
b = 20
c = 10
print({a})
print({a, b})
print({a, b, c})
print({1, a, 2, b, 3, c})
print({a + 1, a - 1, a * 2, b // 3})
print({1, 1.0, True})
print({True, 1, 1.0})
print({1.0, True, 1})
print({0, False, 0.0})
print({False, 0})
print({0.0, 0, False})
print({-0.0, 0.0})
print({0.0, -0.0})
print({2, 2.0}, {2.0, 2}, {2.5, 2.5})
x = True
y = 1
z = 1.0
print({x, y, z}, {z, y, x}, {y, x, z})
print(len({1, 1.0, True}), len({1, 2, 2, 3, 3, 3}))
print({(1, 2), (1, 2), (2, 1)})
print({(), (), (0,)})
print({None})
print({None, None})
print({True, False}, {False, True})
print({-1, -2}, {-2, -1})
print({1, 2, 3} == {3, 2, 1}, {1, 2} == {1, 2, 3})
print({1, 2, 3,}, {4,})
t = (1, 2)
print({t, (1, 2)}, {t})
print({*[]}, {*()}, {*range(3)})
print({1: 2} == {1, 2}, {1, 2} == {1: 2})
s = {5, 6}
s2 = {5, 6}
print(s is s2, s == s2)
print(len({i for i in range(0)}), {i for i in range(0)})
for v in [{1}, {1, 2}, set(), frozenset(), frozenset({3})]:
    print(v, repr(v), str(v), len(v), bool(v))
print(repr({1, 2}) == str({1, 2}))
print("%s and %r" % ({1, 2}, frozenset({3})))
print(f"{ {1, 2} } {frozenset({4})!r}")
print("{} {}".format({9}, frozenset()))
