# Comparison operators on sets: equality and subset/superset ordering.
a = {1, 2}
b = {1, 2, 3}
c = {4}
fa = frozenset(a)
fb = frozenset(b)
pairs = [("a,b", a, b), ("b,a", b, a), ("a,a", a, a), ("a,c", a, c), ("a,fb", a, fb),
         ("fb,a", fb, a), ("fa,a", fa, a), ("empty,a", set(), a), ("a,empty", a, set()),
         ("empty,fempty", set(), frozenset())]
for name, x, y in pairs:
    print(name, x == y, x != y, x < y, x <= y, x > y, x >= y)
print({1, 2} == {2, 1}, {1, 2} == frozenset({1, 2}), frozenset({1}) == {1})
print({1} == [1], {1} != [1], {1} == (1,), {1} == {1: None}, set() == [], frozenset() == ())
print({1} == 1, {1} != "1", None == set(), set() != None)
print({1, 2} == {1.0, 2.0}, {0} == {False}, {1} == {True})
print({(1, 2)} == {(1, 2)}, {frozenset({1})} == {frozenset({1})})
for op in ["<", "<=", ">", ">="]:
    for other in [1, [1], (1,), "a", None, {1: 2}]:
        try:
            if op == "<":
                r = {1} < other
            elif op == "<=":
                r = {1} <= other
            elif op == ">":
                r = {1} > other
            else:
                r = {1} >= other
            print(op, r)
        except TypeError as e:
            print(op, "TypeError:", e)
try:
    print([1] < {1})
except TypeError as e:
    print("TypeError:", e)
try:
    print(frozenset() >= 0)
except TypeError as e:
    print("TypeError:", e)
sets = [set(), {1}, {2}, {1, 2}, {1, 2, 3}, {3}]
for x in sets:
    print(x, [y for y in sets if x < y], [y for y in sets if x <= y])
print(sorted([{1, 2, 3}, {1}, {1, 2}], key=len))
print(max([{1}, {1, 2}, {1, 2, 3}]), min([{1, 2, 3}, {1, 2}, {1}]))
print(max([{1}, {2}]), min([{2}, {1}]))
print({1} < {1, 2} < {1, 2, 3}, {1} < {1, 2} < {1, 2}, set() <= set() <= set())
print(a == b or a < b, not (a > b))
print(a.__eq__(b), a.__ne__(b), a.__lt__(b), a.__gt__(b), a.__le__(a), a.__ge__(b))
print({1, 2}.__eq__(1), frozenset().__lt__([]))
x = {1, 2, 3}
y = {3, 2, 1}
print(x == y, x is y, x != y, [x] == [y], (x,) == (y,), {"k": x} == {"k": y})
big1 = set(range(1000))
big2 = set(range(999, -1, -1))
print(big1 == big2, big1 <= big2, big1 < big2, big1 - {0} < big2)
