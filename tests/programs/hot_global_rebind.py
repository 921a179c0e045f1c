# A global function rebound in the middle of a hot loop.
def step(x):
    return x + 1
def step_double(x):
    return x * 2 % 1000003
def run(n):
    global step
    total = 0
    for i in range(n):
        total += step(i)
        if i == n // 2:
            step = step_double
    return total
print(run(20000))
step = lambda x: x - 1
print(run(10000))
def helper(v):
    return v * 3
acc = 0
for i in range(12000):
    acc += helper(i) % 7
    if i == 6000:
        def helper(v):
            return v + 100
    if i == 9000:
        helper = abs
print("acc", acc)
def compute(v):
    return v + 0.5
vals = []
for i in range(8000):
    r = compute(i)
    if i % 2000 == 0:
        vals.append(r)
    if i == 4000:
        compute = str
print(vals)
