# Tier 2: hot loops calling methods of user classes: bound method calls,
# __init__ creating objects every iteration, attribute loads and stores, and
# polymorphic call sites whose receiver class changes mid-loop.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def norm1(self):
        return abs(self.x) + abs(self.y)


# __init__ every iteration, method calls on fresh objects.
acc = Point(0, 0)
dots = 0
for i in range(6000):
    p = Point(i % 13, -(i % 7))
    acc = acc.add(p)
    dots += p.dot(acc) % 1000
    if i % 1000 == 0:
        print("point", i, acc.x, acc.y, dots, acc.norm1())
print("point total", acc.x, acc.y, dots)


# Attribute loads and stores in a hot loop, on one object and on a list of
# objects.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = 0

    def deposit(self, amount):
        self.balance += amount
        self.history += 1
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history += 1
        return True


accounts = [Account("acct" + str(k), k * 100) for k in range(10)]
refused = 0
for i in range(8000):
    a = accounts[i % 10]
    if i % 3 == 0:
        a.deposit(i % 50)
    elif not a.withdraw(i % 170):
        refused += 1
    if i % 2000 == 1999:
        print("accounts", i, [x.balance for x in accounts], refused)
print("histories", [x.history for x in accounts])


# A bound method stored in a local and called in a hot loop.
class Acc:
    def __init__(self):
        self.total = 0

    def push(self, v):
        self.total = (self.total * 31 + v) % 1000000007


q = Acc()
push = q.push
for i in range(7000):
    push(i)
    if i % 1750 == 0:
        print("bound", i, q.total)
print("bound total", q.total)


# Polymorphic call site: the receiver class changes at different points.
class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r

    def name(self):
        return "circle"


class Square:
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def name(self):
        return "square"


class Rect(Square):
    def __init__(self, s, t):
        Square.__init__(self, s)
        self.t = t

    def area(self):
        return self.s * self.t

    def name(self):
        return "rect"


class Tri(Rect):
    def area(self):
        return Rect.area(self) // 2


shapes_total = 0
names = []
for i in range(10000):
    if i < 3000:
        sh = Circle(i % 10)
    elif i < 5000:
        sh = Square(i % 10)
    elif i < 7000:
        sh = Rect(i % 10, 3)
    elif i < 8500:
        sh = Tri(i % 10, 5)
    else:
        k = i % 4
        if k == 0:
            sh = Circle(2)
        elif k == 1:
            sh = Square(3)
        elif k == 2:
            sh = Rect(4, 5)
        else:
            sh = Tri(6, 7)
    shapes_total += sh.area()
    if i % 499 == 0:
        names.append(sh.name())
    if i % 1000 == 999:
        print("shapes", i, shapes_total)
print("shape names", names)


# A method call through an inlined helper, receiver type changes mid-loop.
def area_of(s):
    return s.area() + len(s.name())


objs_a = [Circle(1), Circle(2), Circle(3)]
objs_b = [Square(1), Rect(2, 3), Tri(4, 5)]
acc = 0
for i in range(6000):
    objs = objs_a if i < 3000 else objs_b
    acc += area_of(objs[i % 3])
    if i % 1000 == 0 or i in (2999, 3000, 3001):
        print("area_of", i, acc)
print("area_of total", acc)


# Methods calling other methods (self.method()) several levels deep, and
# super()-style explicit base calls.
class Vec:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c

    def sum(self):
        return self.a + self.b + self.c

    def scaled(self, k):
        return Vec(self.a * k, self.b * k, self.c * k)

    def score(self):
        return self.scaled(2).sum() - self.sum()


class Vec2(Vec):
    def sum(self):
        return Vec.sum(self) * 10


acc = 0
for i in range(5000):
    v = Vec(i, i % 3, -i) if i % 1000 < 700 else Vec2(i, 1, 2)
    acc += v.score()
print("vec score", acc)


# Attribute store in __init__ with a varying number of attributes; reading an
# attribute that only some instances have (AttributeError caught).
class Node:
    def __init__(self, val, nxt):
        self.val = val
        self.next = nxt
        if val % 5 == 0:
            self.tag = val


head = None
for i in range(3000):
    head = Node(i, head)
cur = head
total = 0
tags = 0
missing = 0
while cur is not None:
    total += cur.val
    try:
        tags += cur.tag
    except AttributeError:
        missing += 1
    cur = cur.next
print("linked", total, tags, missing)


# Class with a class-level counter updated from methods (class attribute
# stores) and a staticmethod-free helper accessed through the class.
class Ticker:
    count = 0

    def __init__(self):
        Ticker.count += 1
        self.id = Ticker.count

    def double_id(self):
        return self.id * 2


s = 0
for i in range(4000):
    t = Ticker()
    s += t.double_id()
print("ticker", Ticker.count, s)


# __dunder__ methods invoked by operators in a hot loop, with the operand
# class changing mid-loop.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return "Money(" + str(self.cents) + ")"


class Euro(Money):
    def __add__(self, other):
        return Euro(self.cents + other.cents + 1)


m = Money(0)
lows = 0
for i in range(6000):
    if i == 3000:
        m = Euro(m.cents)
    m = m + Money(i % 9)
    if m < Money(20000):
        lows += 1
print("money", m, type(m).__name__, lows)
