# Exceptions raised inside closures propagate through their callers, in hot loops too.
def make_div(d):
    def div(x):
        return x // d
    return div
ok = make_div(3)
bad = make_div(0)
total = 0
for i in range(30000):
    total += ok(i)
print(total)
try:
    for i in range(30000):
        total += bad(i) if i == 29999 else ok(i)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
def checker(limit):
    def check(v):
        if v > limit:
            raise ValueError("too big: " + str(v))
        return v
    return check
c = checker(25000)
count = 0
try:
    for i in range(40000):
        count += c(i) * 0 + 1
except ValueError as e:
    print("ValueError:", e, count)
