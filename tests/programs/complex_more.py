# complex numbers: literals, arithmetic, formatting, parsing, hashing.
values = [0j, 1j, -1j, 2 + 3j, -1.5 - 0.5j, complex(-0.0, 0.0), complex(1e300, -1e-300),
          complex(float("inf"), float("nan")), 3.25j, 1e16 + 1e-5j]
for z in values:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), bool(z))
for a in [1 + 2j, -3j, 2.5, 4, True]:
    for b in [2 - 1j, 0.5j, 3, -1.25]:
        print(a, b, a + b, a - b, a * b, a / b)
for base in [1j, 1 + 1j, -2 + 0.5j, 2, -8.0]:
    for exp in [0, 1, 2, 3, -1, -2, 0.5, 1j, 2 + 1j, 1 / 3]:
        try:
            print(base, exp, base ** exp)
        except (ZeroDivisionError, OverflowError, ValueError) as e:
            print(base, exp, type(e).__name__, e)
print(pow(1j, 2), pow(2, 1j))
print(abs(3 + 4j), abs(-5j), abs(complex(float("inf"), float("nan"))))
print([hash(z) == hash(z.real) for z in [1 + 0j, 2.5 + 0j, complex(-1, 0)]])
print(hash(1 + 2j), hash(-3.5j), hash(complex(7, -7)))
print({1j, 1j, 2j, complex(0, 1)} == {1j, 2j})
print({1: "a", 1 + 0j: "b", 1.0: "c"})
print(1 + 0j == 1, 1.5 + 0j == 1.5, 2 ** 60 + 0j == 2 ** 60, 2 ** 60 + 1 == complex(2 ** 60 + 1), 1j == 1)
for text in ["1+2j", " 3.5 ", "-j", "+J", "(4-5j)", "1e3-1e-3j", "inf+infj", "-nanj", "1_000+2_0j", "0x10", "1+", "j1", "(1+2j", "1 + 2j", ""]:
    try:
        print(repr(text), complex(text))
    except ValueError as e:
        print(repr(text), "ValueError:", e)
print(complex(1, 2), complex(1.5), complex(2j), complex(1j, 2), complex(1 + 1j, 1 + 1j), complex(real=2, imag=-1))
class HasComplex:
    def __complex__(self):
        return 5 - 5j
class HasFloat:
    def __float__(self):
        return 2.5
class HasIndex:
    def __index__(self):
        return 7
print(complex(HasComplex()), complex(HasFloat()), complex(HasIndex(), HasFloat()))
for spec in ["", "10", "<14", "^16", ".2f", "+.3e", " g", ".3", "G", "#.0f", "*>20.1f", "z.1f"]:
    print(repr(spec), repr(format(1.5 - 2.25j, spec)), repr(format(-0.0j, spec)), repr(format(3j, spec)))
print(f"{2+3j}", f"{2+3j!r:>12}", f"{1j:.1f}", "%s %r" % (1j, 2 - 1j))
print(sum([1j, 2, 3.5, 1 - 1j]), [1j, 2j] * 2, sorted([3j, 1j, 2j], key=abs))
z = 1 + 1j
z += 1
z *= 2j
z -= 0.5
z /= 1 - 1j
print(z, -z, +z)
print(type(1j).__name__, isinstance(2j, complex), type(1j * 1).__name__, type((1j * 1j).real).__name__)
print(0.5j * 2 == 1j, (1 + 2j) != (1 + 2j), 1j in [1j], (1j).imag)
