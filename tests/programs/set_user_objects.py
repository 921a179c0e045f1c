# Sets of user-defined objects with __hash__ and __eq__; call counts; unhashable classes.
log = []
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __hash__(self):
        log.append("hash")
        return hash((self.x, self.y))
    def __eq__(self, other):
        log.append("eq")
        if not isinstance(other, Point):
            return NotImplemented
        return self.x == other.x and self.y == other.y
    def __repr__(self):
        return "P(%d, %d)" % (self.x, self.y)
def key(p):
    return (p.x, p.y)
pts = {Point(1, 2), Point(2, 1), Point(1, 2), Point(0, 0)}
print(len(pts), sorted(pts, key=key))
log.clear()
print(Point(1, 2) in pts, log)
log.clear()
p = Point(5, 5)
s = {p}
print(log)
log.clear()
print(p in s, log)
log.clear()
s.add(p)
print(len(s), log)
log.clear()
s.add(Point(5, 5))
print(len(s), log)
log.clear()
s.discard(Point(5, 5))
print(len(s), log)
log.clear()
s = set([Point(i, i) for i in range(5)])
print(len(s), log.count("hash"), log.count("eq"))
log.clear()
t = s.copy()
print(len(t), log.count("hash"), log.count("eq"))
print(sorted(s | {Point(9, 9)}, key=key))
print(sorted(s - {Point(0, 0), Point(4, 4)}, key=key))
print(sorted(s & {Point(2, 2), Point(7, 7)}, key=key))
class Same:
    calls = 0
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 42
    def __eq__(self, other):
        Same.calls += 1
        return self.n == other.n
a = Same(1)
b = Same(2)
c = Same(3)
coll = set()
coll.add(a)
print(Same.calls)
coll.add(b)
print(Same.calls)
coll.add(c)
print(Same.calls, len(coll))
Same.calls = 0
print(Same(2) in coll, Same.calls)
Same.calls = 0
print(Same(7) in coll, Same.calls)
Same.calls = 0
print(a in coll, Same.calls)
print(sorted(x.n for x in coll))
class Named:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return len(self.name)
    def __eq__(self, other):
        return isinstance(other, Named) and self.name.lower() == other.name.lower()
ns = {Named("Ann"), Named("ann"), Named("Bob"), Named("BOB"), Named("carl")}
print(len(ns), sorted(n.name.lower() for n in ns))
class Plain:
    pass
o1 = Plain()
o2 = Plain()
ps = {o1, o2, o1}
print(len(ps), o1 in ps, Plain() in ps)
class NoHash:
    __hash__ = None
print(NoHash.__hash__)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
try:
    set([NoHash()])
except TypeError as e:
    print("TypeError:", e)
try:
    NoHash() in {1}
except TypeError as e:
    print("TypeError:", e)
class EqOnly:
    def __eq__(self, other):
        return True
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError:", e)
class BadHash:
    def __hash__(self):
        raise ValueError("no hash for you")
try:
    {1, 2}.add(BadHash())
except ValueError as e:
    print("ValueError:", e)
try:
    BadHash() in {1}
except ValueError as e:
    print("ValueError:", e)
class StrHash:
    def __hash__(self):
        return "nope"
try:
    {StrHash()}
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
    def __eq__(self, other):
        return self.v == other.v
bh = {BigHash(2 ** 70), BigHash(-1), BigHash(2 ** 70)}
print(len(bh), hash(BigHash(-1)), hash(BigHash(2 ** 70)) == hash(2 ** 70))
class BadEq:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise RuntimeError("eq exploded")
x = BadEq()
y = BadEq()
bs = {x}
print(x in bs)
try:
    y in bs
except RuntimeError as e:
    print("RuntimeError:", e)
print(1 in {True}, Point(0, 0) in {(0, 0)})
