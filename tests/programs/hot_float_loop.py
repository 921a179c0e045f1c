# Float arithmetic in hot loops (numerical integration, series).
import math
def integrate(n):
    h = 1.0 / n
    s = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h
print(integrate(100000))
def leibniz(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4 * s
print(leibniz(50000))
def newton_sqrt(v):
    x = v
    for _ in range(30):
        x = 0.5 * (x + v / x)
    return x
total = 0.0
for i in range(1, 5000):
    total += newton_sqrt(float(i))
print(total, round(total, 3))
def logistic(r, n):
    x = 0.5
    for _ in range(n):
        x = r * x * (1.0 - x)
    return x
print(logistic(3.2, 10000), logistic(3.5, 10001), logistic(2.5, 5000))
acc = 0.0
for i in range(20000):
    acc += math.sqrt(i) - math.floor(math.sqrt(i))
print(acc)
mixed = 0
for i in range(10000):
    mixed += i / 4
    mixed -= i // 4
print(mixed)
