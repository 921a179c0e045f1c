# Bitwise operations on small and big integers.
for a in [0, 1, 5, -5, 255, -256, 12345]:
    for b in [1, 3, -2, 7]:
        print(a, b, a & b, a | b, a ^ b)
    print("~", a, ~a, a << 3, a >> 1)
big = 2 ** 100 + 12345
print(big & 0xFFFF, big | 1, big ^ big, big >> 90, 1 << 100, big << 5)
print(-(2 ** 80) >> 70, -(2 ** 80) & 255, ~(2 ** 70))
print(0xff, 0o17, 0b1011, 1_000_000)
x = 1
for i in range(0, 80, 8):
    print(i, (x << i) >> (i // 2))
mask = (1 << 64) - 1
print(mask, mask & -1, (mask + 1) & mask)
count = 0
n = 2 ** 77 - 1
while n:
    count += n & 1
    n >>= 1
print("popcount", count)
