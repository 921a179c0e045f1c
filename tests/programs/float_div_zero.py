# Division by zero errors and their messages.
cases = [
    ("1/0", lambda: 1 / 0),
    ("1//0", lambda: 1 // 0),
    ("1%0", lambda: 1 % 0),
    ("1.0/0", lambda: 1.0 / 0),
    ("1/0.0", lambda: 1 / 0.0),
    ("1.0//0.0", lambda: 1.0 // 0.0),
    ("1.0%0.0", lambda: 1.0 % 0.0),
    ("divmod(5,0)", lambda: divmod(5, 0)),
    ("0.0**-1", lambda: 0.0 ** -1),
    ("0**-1", lambda: 0 ** -1),
    ("big/0", lambda: (2 ** 100) / 0),
    ("big//0", lambda: (2 ** 100) // 0),
]
for name, fn in cases:
    try:
        r = fn()
        print(name, "->", r)
    except ZeroDivisionError as e:
        print(name, "raised", type(e).__name__ + ":", e)
count = 0
for d in [2, 1, 0, -1, 0, 3]:
    try:
        print(12 // d, 12 / d)
    except ZeroDivisionError:
        count += 1
        print("skip zero")
print("zero count", count)
print(0 / 5, 0.0 / -5, -0.0 / 5)
