# int() conversions and str <-> int round trips.
print(int("42"), int("-17"), int("+8"), int("  99  "), int("0"))
print(int("ff", 16), int("FF", 16), int("777", 8), int("1011", 2), int("zz", 36))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e20))
print(int(True), int(False), int(10 ** 25))
print(int("123456789012345678901234567890"))
print(str(123), str(-45), repr(678), str(0))
for s in ["10", "010", "-0", " 12 "]:
    print(s, int(s))
for base in [2, 8, 10, 16]:
    print(base, int("101", base))
values = []
for i in range(-3, 4):
    values.append(int(i * 2.7))
print(values)
print(float(7), float("2.5"), int(float("7.9")))
print(type(int("5")).__name__, int("5") + 1)
n = 255
print(f"{n:x} {n:X} {n:o} {n:b} {n:d}")
print(int(str(2 ** 100)) == 2 ** 100)
