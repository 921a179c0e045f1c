# The math module.
import math
print(math.pi, math.e, math.inf, -math.inf, math.inf > 10 ** 300)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(10 ** 10))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.floor(5), math.ceil(2.0))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(-0.5))
print(math.fabs(-2.5), math.fabs(3), math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 8), math.gcd(2 ** 80, 6 ** 30))
print(math.isqrt(17), math.isqrt(10 ** 30), math.isqrt(0), math.isqrt(2 ** 101))
print(round(math.sin(0.5), 12), round(math.cos(0.5), 12), math.sin(0.0), math.cos(0.0))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi), 12))
print(round(math.log(10), 12), math.log(1), round(math.log(8, 2), 12), round(math.log(math.e), 12))
for x in [0.1, 1.0, 2.0, 100.0]:
    print(x, round(math.log(x), 10), round(math.sqrt(x), 10), math.floor(x * 3.3), math.ceil(x * 3.3))
angle = 0.0
for i in range(8):
    print(i, f"{math.sin(angle):.6f} {math.cos(angle):.6f}")
    angle += math.pi / 4
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.isqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.floor(-0.0), math.sqrt(2) ** 2 == 2, abs(math.sqrt(2) ** 2 - 2) < 1e-12)
total = 0.0
for k in range(1, 2000):
    total += 1.0 / (k * k)
print(round(math.sqrt(total * 6), 6))
