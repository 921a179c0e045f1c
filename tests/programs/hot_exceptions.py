# Exceptions raised and caught inside hot loops.
def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1
data = ["1", "x", "22", "", "333", "4a"]
total = 0
for i in range(12000):
    total += parse(data[i % 6])
print("total", total)
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return 0
acc = 0
for i in range(10000):
    acc += safe_div(i, i % 5)
print("acc", acc)
class Skip(Exception):
    def __init__(self, n):
        super().__init__(n)
        self.n = n
def check(n):
    if n % 7 == 0:
        raise Skip(n)
    return n
kept = 0
skipped = 0
for i in range(10000):
    try:
        kept += check(i)
    except Skip as e:
        skipped += e.n
print(kept, skipped)
d = {}
misses = 0
for i in range(8000):
    try:
        d[i % 100] += 1
    except KeyError:
        misses += 1
        d[i % 100] = 1
print(misses, d[0], d[99], len(d))
lst = list(range(50))
oob = 0
for i in range(6000):
    try:
        lst[i % 60] += 1
    except IndexError:
        oob += 1
    finally:
        lst[0] += 1
print(oob, lst[0], lst[49])
