# A keyword given both directly and through ** is a TypeError naming the callee.
def f(**kw):
    return kw

try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
f(a=1, **{"a": 2})
