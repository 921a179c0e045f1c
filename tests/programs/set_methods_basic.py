# add, remove, discard, pop, clear, copy.
s = set()
print(s.add(1), s)
s.add(2)
s.add(1)
s.add(2.0)
s.add(True)
print(s, len(s))
s.add((1, 2))
s.add(frozenset([5]))
s.add(None)
print(len(s), (1, 2) in s, frozenset([5]) in s, None in s)
print(s.remove((1, 2)), (1, 2) in s)
print(s.discard(frozenset([5])), s.discard("missing"), s.discard(None))
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    s.remove("k")
except KeyError as e:
    print("KeyError", repr(e))
try:
    s.remove((1, 2))
except KeyError as e:
    print("KeyError", e, e.args)
try:
    s.remove(frozenset())
except KeyError as e:
    print("KeyError", e)
try:
    s.discard([1])
except TypeError as e:
    print("TypeError", e)
try:
    s.remove([1])
except TypeError as e:
    print("TypeError", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError", e)
try:
    s.add({1: 2})
except TypeError as e:
    print("TypeError", e)
print(s)
c = s.copy()
print(c, c == s, c is s, type(c).__name__)
c.add(3)
print(s, c)
p = {10, 20, 30}
items = []
while p:
    items.append(p.pop())
print(items, p, len(p))
try:
    p.pop()
except KeyError as e:
    print("KeyError", e, repr(e))
q = {5}
print(q.pop(), q)
q = {1, 2, 3}
print(q.clear(), q, len(q), bool(q))
q.clear()
print(q)
q.add(4)
print(q)
r = {1, 2, 3}
alias = r
r.clear()
print(alias, alias is r)
m = {1, 2, 3}
for v in [1, 2, 3, 4]:
    m.discard(v)
    print(v, m)
n = set(range(5))
for v in [4, 0, 2]:
    n.remove(v)
print(n)
add = n.add
add(100)
add(200)
print(n)
disc = n.discard
disc(100)
print(n)
set.add(n, 7)
set.discard(n, 1)
print(n, set.pop({9}), set.copy({8}))
e = set()
print(e.copy(), e.copy() is e)
try:
    s.add()
except TypeError as e:
    print("TypeError", e)
try:
    s.add(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    s.remove()
except TypeError as e:
    print("TypeError", e)
try:
    s.pop(0)
except TypeError as e:
    print("TypeError", e)
try:
    s.clear(1)
except TypeError as e:
    print("TypeError", e)
