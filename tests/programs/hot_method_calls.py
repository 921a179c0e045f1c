# Method calls and attribute access in hot loops.
class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v
    def step(self, dt):
        self.x += self.v * dt
        if self.x < 0 or self.x > 100:
            self.v = -self.v
    def energy(self):
        return 0.5 * self.v * self.v
ps = [Particle(i * 10.0, (i % 5) - 2.0 + 0.5) for i in range(10)]
for t in range(3000):
    for p in ps:
        p.step(0.1)
print([round(p.x, 6) for p in ps])
print(round(sum([p.energy() for p in ps]), 6))
class Acc:
    def __init__(self):
        self.total = 0
        self.n = 0
    def add(self, v):
        self.total += v
        self.n += 1
        return self
    def mean(self):
        return self.total / self.n
a = Acc()
for i in range(50000):
    a.add(i % 17)
print(a.total, a.n, a.mean())
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
    def pop(self):
        return self.items.pop()
    def size(self):
        return len(self.items)
s = Stack()
for i in range(20000):
    s.push(i)
    if i % 3 == 0:
        s.pop()
print(s.size(), s.pop(), s.pop())
class A:
    def f(self):
        return 1
class B(A):
    def f(self):
        return 2
class C(A):
    pass
objs = [A(), B(), C()]
tot = 0
for i in range(15000):
    tot += objs[i % 3].f()
print(tot)
