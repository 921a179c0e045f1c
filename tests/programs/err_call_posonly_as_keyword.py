# Positional-only parameters passed by keyword, with and without **kwargs.
def g(a, b, /, **kw):
    return a, b, kw

print(g(1, 2, a=3))

def f(a, b, /, c):
    return a, b, c

try:
    f(1, 2, b=3, c=4)
except TypeError as e:
    print(e)
f(a=1, b=2, c=3)
