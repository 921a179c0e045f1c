# round() with and without ndigits.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999, 2.5001, 0.0, 7.0, -7.2]:
    print(v, round(v), type(round(v)).__name__)
for v in [3.14159, 2.675, 1.005, 0.125, 0.375, 123.456, -1.25, 1234.5678]:
    print(v, round(v, 0), round(v, 1), round(v, 2), round(v, 3), round(v, -1), round(v, -2))
print(round(12345, -2), round(12355, -1), round(-12345, -2), round(15, -1), round(25, -1), round(7, 0))
print(round(2 ** 70 + 7, -1))
vals = []
for i in range(20):
    vals.append(round(i / 7, 3))
print(vals)
print(round(1e20), round(-1e16 + 0.5), round(0.1 + 0.2, 15), round(1 / 3, 5))
