# Float arithmetic, mixed with ints, comparisons.
a = 7.5
b = -2.0
print(a + b, a - b, a * b, a / b, a // b, a % b)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
print(5 % 2.5, 5.5 % 1, -0.5 % 1)
print(2 ** 0.5, 2.0 ** -1, 9 ** 0.5, 4.0 ** 2, (-8.0) ** 3, 10.0 ** 3)
print(1 + 2.0, 3 * 0.5, 10 - 0.25, 1 / 4)
print(1 == 1.0, 2 < 2.5, 3.0 > 2, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(abs(-3.25), abs(3.25), -(-1.5))
print(max(1, 2.5, 2), min(0.5, -1, 3), sum([0.5, 1.5, 2.0]))
total = 0.0
for i in range(1, 1001):
    total += 1.0 / i
print("harmonic", total)
prod = 1.0
for i in range(1, 21):
    prod *= 1.5
print("prod", prod)
v = 1.0
for i in range(30):
    v = v / 3 + 1
print("fixed point", v)
print(float(3) / 2, 3 // 2.0, 3.0 // 2, int(7.0 / 2))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
inf = float("inf")
print(inf > 1e308, -inf < -1e308, inf + 1, inf * -1, inf - inf == inf - inf)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1)
z = 0.0
z -= 0.0
print(z, -z, 0.0 == -0.0)
