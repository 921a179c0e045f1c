# Floor division and remainder of small ints in hot loops: every sign combination,
# results at the small-int boundary, a zero divisor raised mid-loop, and a divisor
# that turns into a float (the specialization deopts).
def signs():
    total = 0
    pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (0, -3), (15, 5), (-15, 5)]
    for k in range(3000):
        a, b = pairs[k % 8]
        total += a // b * 3 + a % b
    return total


def boundary():
    big = (1 << 62) - 1
    small = -(1 << 62)
    out = []
    for k in range(2000):
        out.append(small // -1 if k == 1999 else big // 7 + small % 9)
    return out[0], out[-1], type(out[-1]).__name__


def zero_divisor():
    caught = 0
    for k in range(2000):
        d = 7 - k % 8
        try:
            caught += k % d
        except ZeroDivisionError:
            caught -= 1
    return caught


def mixed():
    acc = 0
    for k in range(3000):
        d = 4 if k < 2000 else 2.5
        acc += k // d + k % d
    return acc


print(signs())
print(boundary())
print(zero_divisor())
print(mixed())
