# True division mixing ints and floats in hot loops: float / int, int / float and
# int / int, ints near and beyond 2**53 (where int / int must round exactly), a zero
# divisor mid-loop, and operands that change type.
def mixed():
    total = 0.0
    for k in range(1, 3000):
        total += 1.0 / k + k / 2.5 + k / 7
    return total


def near_the_limit():
    out = []
    base = 2 ** 53
    for k in range(2000):
        a = base + (k % 5) - 2
        out.append(a / 3)
        out.append((a * 64 + 1) / 7)
    return out[-10:]


def zero_divisor():
    caught = 0
    acc = 0.0
    for k in range(2000):
        d = k % 9 - 4
        try:
            acc += 10 / d + 0.5 / (d * 1.0 if k % 2 else d)
        except ZeroDivisionError:
            caught += 1
    return caught, acc


def changing():
    acc = 0.0
    for k in range(3000):
        x = k if k < 1500 else (k * 0.5 if k < 2500 else True)
        acc += x / 3
    return acc


print(mixed())
for v in near_the_limit():
    print(repr(v))
print(zero_divisor())
print(changing())
