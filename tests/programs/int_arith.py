# Integer arithmetic basics, including floor division and modulo with negatives.
vals = [17, -17, 5, -5, 1, 0, 123456789]
divs = [3, -3, 7, -7, 1]
for a in vals:
    for b in divs:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(2 ** 10, (-2) ** 3, -2 ** 2, 2 ** 0, 0 ** 0)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 2, -7 % 2, 7 % -2, -7 % -2)
print(abs(-42), abs(42), abs(0))
print(True + True, True * 10, False - 1, -True)
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
print("x =", x)
print(1 + 2 * 3 - 4 // 2 + 10 % 4 ** 2)
print((1 + 2) * (3 - 4) // 2)
print(-(-5), +5, -0, 3 - -3)
total = 0
for i in range(1, 101):
    total += i * i
print("sum of squares", total)
print(100 == 100, 100 != 101, 3 < 5 < 7, 3 < 5 > 7, 10 >= 10, 9 <= 8)
print(int(7) / 2, 8 / 2, type(8 / 2).__name__, type(8 // 2).__name__)
