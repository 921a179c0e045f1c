# Iteration order after removals (dummy slots), re-adds, pop(), clear() and copy().
s = set(range(20))
for i in range(0, 20, 2):
    s.remove(i)
print(s)
for i in [40, 2, 33, 0, 64]:
    s.add(i)
print(s, len(s))
s.discard(33)
s.add(65)
s.add(33)
print(s)
c = s.copy()
print(c, c == s)
t = set(range(100))
for i in range(100):
    if i % 10:
        t.discard(i)
print(t, list(t.copy()), set(t), frozenset(t))
t.add(5)
t.add(105)
t.add(-5)
print(t)
u = {1, 9, 17, 25, 33}
u.remove(9)
u.add(41)
print(u)
u.remove(1)
u.add(1)
print(u)
u.remove(17)
u.remove(25)
u.add(25)
u.add(17)
print(u)
v = {0, 8, 16}
v.remove(8)
print(v, 8 in v, 16 in v)
v.add(24)
print(v)
v.add(8)
print(v)
p = set(range(10))
popped = []
while p:
    popped.append(p.pop())
print(popped)
p = {100, 3, 57, -1, 16, 34, -5, 19}
popped = []
for i in range(4):
    popped.append(p.pop())
print(popped, p)
p.add(1000)
p.add(2)
print(p.pop(), p.pop(), p)
p = set(range(30))
out = []
for i in range(10):
    out.append(p.pop())
    p.add(100 + i)
print(out, p)
p = set()
for i in range(5):
    p.add(i * 8)
print(p.pop(), p.pop(), p.pop(), p)
p.add(8)
p.add(0)
print(p, p.pop(), p)
q = set(range(50))
q.clear()
print(q, len(q))
for i in [7, 3, 40, 8, 21]:
    q.add(i)
print(q)
q.clear()
q.update([7, 3, 40, 8, 21])
print(q)
big = set(range(200))
big.clear()
big.add(300)
big.add(44)
big.add(12)
print(big)
w = set(range(64))
for i in range(60):
    w.remove(i)
print(w, w.copy(), w | set(), w - {1}, set(list(w)))
w.add(8)
w.add(64 + 8)
w.add(128 + 60)
print(w)
churn = set()
for i in range(300):
    churn.add(i)
    if i >= 5:
        churn.remove(i - 5)
print(churn, len(churn))
for i in range(10):
    churn.add(i * 37)
print(churn)
