# Integers crossing machine-word boundaries inside loops.
x = 1
for i in range(70):
    x = x * 2
    if i >= 58:
        print(i, x, x > 2 ** 62, x > 2 ** 63)
y = 2 ** 62 - 5
for i in range(10):
    y += 1
    print("inc", y, y - 2 ** 62)
z = 2 ** 63 - 3
for i in range(6):
    z += 1
    print("z", z)
w = -(2 ** 63) + 2
for i in range(5):
    w -= 1
    print("w", w)
m = 3037000499
print(m * m, (m + 1) * (m + 1))
v = 9223372036854775807
print(v + 1, v * 2, -v - 1, -v - 2, v * v)
acc = 0
for i in range(1, 40):
    acc = acc * 3 + i
print("acc", acc)
s = 0
i = 0
while i < 100:
    s += 2 ** 60
    i += 1
print("s", s, s // 100 == 2 ** 60)
neg = -1
for i in range(66):
    neg *= 2
print("neg", neg)
back = 2 ** 70
while back > 10:
    back //= 3
print("back", back)
