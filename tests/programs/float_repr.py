# repr/str of floats: shortest round-trip representation.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.0, 0.0, -0.0, 100.0, 1e16, 1e15, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 1.5e-300, 1.7976931348623157e308, 5e-324, 3.141592653589793, 2.5, 1e22, 1e23,
        12345.678, 0.3, 9007199254740993.0, 1e100, -2.5e-8, 0.5, 1234567890123456.7]
for v in vals:
    print(repr(v), str(v), v)
print(float("inf"), float("-inf"), float("nan"))
print([1.5, 2.0, -0.0], (0.1, 1e-10))
print(1.0 * 3, 10 / 4, 7 / 7, 2 ** 0.5, 10 ** -2, 2.0 ** 10)
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0, round(x, 10) == 1.0)
print(str(1e300 * 1e10), -1e300 * 1e10)
print(float(2 ** 53), float(2 ** 53 + 1), float(10 ** 20))
print(1e16 + 1, 1e16 + 2)
