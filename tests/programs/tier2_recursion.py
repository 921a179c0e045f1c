# Tier 2: recursive calls made from hot loops, calls nested several levels
# deep inside a hot loop, and mutual recursion.  Each loop runs thousands of
# iterations so that its back edge (and the callees' loops) get traced.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for i in range(3000):
    total += fib(i % 15)
    if i % 500 == 499:
        print("fib loop", i, total)
print("fib total", total)


# A recursive function with an accumulator argument and a loop inside.
def sum_digits_rec(n, acc):
    if n == 0:
        return acc
    return sum_digits_rec(n // 10, acc + n % 10)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


s = 0
f = 0
for i in range(4000):
    s += sum_digits_rec(i * 7919, 0)
    f = (f + fact(i % 25)) % 1000000007
    if i % 800 == 0:
        print("digits/fact", i, s, f)
print("digits/fact total", s, f)


# f calls g calls h calls k, inside a hot loop.
def k(x):
    return x * 3 + 1


def h(x, y):
    return k(x) - y


def g(x):
    a = h(x, 2)
    b = h(a % 97, x)
    return a + b


def f1(x):
    return g(x) + g(x + 1) % 13


acc = 0
for i in range(5000):
    acc += f1(i)
    if i % 1000 == 0:
        print("nested", i, acc, f1(i))
print("nested total", acc)


# Deeper chain with a different path taken on some iterations.
def level5(x):
    if x % 7 == 0:
        return -x
    return x


def level4(x):
    return level5(x + 1) * 2


def level3(x):
    return level4(x) + level4(x - 1)


def level2(x):
    if x % 3 == 0:
        return level3(x)
    return level3(x) - 1


def level1(x):
    return level2(x) + 1


acc = 0
for i in range(6000):
    acc += level1(i)
    if i % 1500 == 1499:
        print("chain", i, acc)
print("chain total", acc)


# Mutual recursion.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


evens = 0
odds = 0
for i in range(3000):
    if is_even(i % 40):
        evens += 1
    else:
        odds += 1
    if i % 600 == 599:
        print("mutual", i, evens, odds)
print("mutual total", evens, odds)


# Mutual recursion with values (Hofstadter female/male sequences).
def hof_f(n):
    if n == 0:
        return 1
    return n - hof_m(hof_f(n - 1))


def hof_m(n):
    if n == 0:
        return 0
    return n - hof_f(hof_m(n - 1))


seq = []
for n in range(20):
    seq.append(hof_f(n))
print("hofstadter F", seq)
hs = 0
for i in range(2500):
    hs += hof_f(i % 18) * 3 + hof_m(i % 17)
print("hofstadter sum", hs)


# Recursion whose depth changes with the loop variable (deepening over time).
def depth_sum(n):
    if n <= 0:
        return 0
    return n + depth_sum(n - 1)


ds = 0
for i in range(3000):
    ds += depth_sum(i // 60)
    if i % 750 == 0:
        print("depth", i, ds, depth_sum(i // 60))
print("depth total", ds)


# Ackermann-like small recursion from a hot loop.
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


a = 0
for i in range(2000):
    a += ack(i % 3, i % 4)
print("ack total", a)

# Recursion returning tuples and lists.
def split_count(lst):
    if len(lst) <= 1:
        return (len(lst), 0)
    mid = len(lst) // 2
    l = split_count(lst[:mid])
    r = split_count(lst[mid:])
    return (l[0] + r[0], l[1] + r[1] + 1)


data = list(range(12))
sc = (0, 0)
for i in range(1500):
    r = split_count(data[: i % 12 + 1])
    sc = (sc[0] + r[0], sc[1] + r[1])
print("split", sc)
