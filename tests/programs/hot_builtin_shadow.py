# A builtin shadowed by a global in the middle of a hot loop, then unshadowed.
def measure(items):
    return len(items)
data = [1, 2, 3]
total = 0
for i in range(10000):
    total += measure(data)
    if i == 5000:
        len = lambda x: 100
print("total", total)
del len
print(measure(data))
acc = 0
for i in range(6000):
    acc += abs(i - 3000)
    if i == 3000:
        def abs(v):
            return 1
print("acc", acc)
del abs
print(abs(-5))
def use_max(a, b):
    return max(a, b)
s = 0
for i in range(7000):
    s += use_max(i, 3500)
    if i == 5000:
        max = min
print("s", s)
del max
print(max(1, 2), use_max(1, 2))
count = 0
for i in range(5000):
    if isinstance(i, int):
        count += 1
    if i == 2500:
        isinstance = lambda a, b: False
print("count", count)
