# Arbitrary-precision integers.
print(2 ** 100)
print(2 ** 64, 2 ** 63, 2 ** 62, -(2 ** 63), 2 ** 64 - 1)
print(3 ** 200)
f = 1
for i in range(1, 51):
    f *= i
    if i % 5 == 0:
        print(i, f)
print(len(str(f)))
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, b - a)
print(a * b)
print(b // a, b % a, divmod(b, a))
print(-b // a, -b % a)
print(b // -7, b % -7)
print(a == 123456789012345678901234567890, a < b, a > b, a != b)
print(2 ** 100 > 2 ** 99, 2 ** 100 == 2 ** 100, -(2 ** 100) < 5)
print(int("123456789012345678901234567890123456789") * 2)
print(str(2 ** 128), repr(-(2 ** 70)))
print(abs(-(2 ** 90)), pow(2, 200), pow(7, 77, 10 ** 20))
big = 10 ** 30
print(big // 3, big % 3, big / 4)
print(sum([2 ** i for i in range(70)]))
print(max(2 ** 65, 2 ** 64, 3), min(-(2 ** 65), 5))
fact = 1
n = 0
while fact < 10 ** 40:
    n += 1
    fact *= n
print("first factorial above 10**40:", n, fact)
fibs = [0, 1]
while len(fibs) < 120:
    fibs.append(fibs[-1] + fibs[-2])
print(fibs[-1], fibs[99])
print((2 ** 100) // (2 ** 50) == 2 ** 50, (2 ** 100 + 1) % 2)
x = 2 ** 64
x -= 2 ** 64
print(x, type(x).__name__, x == 0)
print(f"{2 ** 80:,}", f"{2 ** 70:x}", f"{-(2 ** 66):d}")
