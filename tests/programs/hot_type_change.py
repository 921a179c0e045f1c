# A variable that changes type int -> float -> str -> list mid-loop.
def run(n):
    x = 0
    log = []
    for i in range(n):
        if i < n // 4:
            x = x + 1
        elif i < n // 2:
            if i == n // 4:
                x = float(x)
            x = x + 0.5
        elif i < 3 * n // 4:
            if i == n // 2:
                x = str(x)
            x = x[-6:] + "a"
        else:
            if i == 3 * n // 4:
                x = [len(x)]
            x[0] = x[0] + 1
        if i % (n // 8) == 0:
            log.append(repr(x))
    return x, log
x, log = run(16000)
print(x)
for entry in log:
    print(entry)
def poly(v):
    return v + v
results = []
inputs = [3, 2.5, "ab", [1], (2,), True, 2 ** 70]
for i in range(7000):
    r = poly(inputs[i % 7])
    if i >= 6993:
        results.append(r)
print(results)
acc = 0
for i in range(10000):
    if i % 3 == 0:
        acc += 1
    elif i % 3 == 1:
        acc += 0.25
    else:
        acc += True
print(acc, type(acc).__name__)
y = 1
for i in range(6000):
    if i == 3000:
        y = 1.0
    y = y * 1
print(y, type(y).__name__)
