# if/elif/else, chained comparisons, conditional expressions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
def grade(score):
    if 90 <= score <= 100:
        return "A"
    if 80 <= score < 90:
        return "B"
    if 70 <= score < 80:
        return "C"
    return "F"
print([grade(s) for s in [95, 85, 75, 65, 100, 90, 89]])
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x > 5, 1 == 1 < 2, 0 < x != 5, x == 5 == 5.0)
print("even" if x % 2 == 0 else "odd", "big" if x > 100 else "mid" if x > 3 else "small")
def side(v):
    print("eval", v)
    return v
print(side(1) < side(2) < side(0) < side(3))
for a in range(3):
    for b in range(3):
        if a == b:
            rel = "="
        elif a < b:
            rel = "<"
        else:
            rel = ">"
        print(a, rel, b, end="  ")
    print()
if not []:
    print("empty list is falsy")
if "text":
    print("non-empty string is truthy")
v = None
if v:
    print("no")
elif v is None:
    print("v is None")
