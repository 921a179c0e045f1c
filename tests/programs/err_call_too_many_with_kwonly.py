# Too many positionals when keyword-only arguments were also given.
def f(a, *, b, c=0):
    return a + b + c

for call in (lambda: f(1, 2), lambda: f(1, 2, b=1), lambda: f(1, 2, 3, b=1, c=2)):
    try:
        call()
    except TypeError as e:
        print(e)
f(1, 2, 3, b=2)
