# Binary set operators with set and frozenset operands; result type follows the left operand.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
fa = frozenset(a)
fb = frozenset(b)
for name, x, y in [("set,set", a, b), ("set,fset", a, fb), ("fset,set", fa, b), ("fset,fset", fa, fb)]:
    r1 = x | y
    r2 = x & y
    r3 = x - y
    r4 = x ^ y
    print(name, r1, r2, r3, r4)
    print("  types", type(r1).__name__, type(r2).__name__, type(r3).__name__, type(r4).__name__)
    print("  rev", y | x, y & x, y - x, y ^ x)
print(a, b, fa, fb)
print(a | set(), set() | a, a & set(), a - set(), set() - a, a ^ set())
print(fa | frozenset(), frozenset() & fa, frozenset() - fa)
r = a | b
print(r is a, r is b, a | a == a, (a | a) is a)
print(a - a, fa - fa, type(fa - fa).__name__, a ^ a, fa ^ fa)
print(a | b | {100}, (a & b) | {0}, a - b - {1}, a ^ b ^ {1, 5})
print(a | b & {5}, (a | b) & {5}, a - b | {9}, a ^ b - {2})
print({1, 2} | {2.0, 3.0}, {1.0, 2.0} | {2, 3}, {1} & {1.0}, {1.0} & {1})
print({True} | {1}, {1} | {True}, {1, 2} - {True}, {0} ^ {False})
for left, right in [(a, [1]), (a, (1,)), (a, "ab"), (a, 5), (fa, range(3)), ([1], a), (a, {1: 2})]:
    for op in ["|", "&", "-", "^"]:
        try:
            if op == "|":
                res = left | right
            elif op == "&":
                res = left & right
            elif op == "-":
                res = left - right
            else:
                res = left ^ right
            print(op, "ok", res)
        except TypeError as e:
            print(op, "TypeError:", e)
print(3 in a, 7 in a, 3 not in a, 7 not in a, 3 in fa, 3.0 in a, True in {1}, "x" in a)
print(len(a), len(fa), len(set()), len(frozenset()), len(a | b), len(a & b))
print(bool(a), bool(set()), bool(frozenset()), bool(fa), not set(), not a)
if a & b:
    print("overlap", a & b)
if not (a & {99}):
    print("no overlap with 99")
n = 0
e = set()
while not e:
    e.add(n)
    n += 1
print(e, n)
print(a.__or__(b), a.__and__(b), a.__sub__(b), a.__xor__(b))
print(a.__or__([1]), a.__and__(5), fa.__sub__("x"), a.__xor__(None))
print(a.__ror__(b), a.__rsub__(b), fa.__rand__(b), fa.__rxor__(b))
print(a.__contains__(1), a.__len__(), fa.__contains__(9), fa.__len__())
print(a.__eq__(fa), a.__ne__(fa), a.__eq__([1]), a.__lt__(5), a.__le__(a))
