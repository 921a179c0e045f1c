# float() conversions and mixed numeric conversions.
print(float("3.14"), float(" 2 "), float("-0.5"), float("1e3"), float("1E-3"), float("inf"), float("-Infinity"))
print(float(10), float(-3), float(True), float(2 ** 60), float("  .5"), float("5."))
print(int(2.999), int(-2.999), int(1e10), float(int(1e10)))
print(str(2.0), str(-0.25), repr(1e-7), str(123456789.0))
vals = ["1", "1.5", "-2.25", "1e2", "abc", "", "3.0.1", "nan"]
for s in vals:
    try:
        f = float(s)
        print(repr(s), "->", f)
    except ValueError as e:
        print(repr(s), "error:", e)
for s in ["12", "1.5", "x1", "", " 7 "]:
    try:
        print(repr(s), "int ->", int(s))
    except ValueError as e:
        print(repr(s), "int error:", e)
print(bool(0.0), bool(-0.0), bool(0.1), bool(float("nan")))
print(float(2 ** 1000) > 1e300)
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
