# from-imports and module attribute access.
from math import sqrt
from math import pi, floor
import math
import sys
print(sqrt(81), round(pi, 5), floor(-1.5))
print(sqrt is math.sqrt, math.pi == pi)
def hyp(a, b):
    return sqrt(a * a + b * b)
print(hyp(3, 4), hyp(5, 12), round(hyp(1, 1), 9))
m = math
print(m.gcd(100, 75), m.isqrt(99))
print(type(sys.argv).__name__, sys.argv[0].endswith(".py"))
try:
    math.not_a_function
except AttributeError as e:
    print("AttributeError:", e)
