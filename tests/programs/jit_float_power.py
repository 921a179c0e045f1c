# Float ** float in hot loops: square roots and squares, special values, 0.0 to a
# negative power (ZeroDivisionError) and an overflow (OverflowError), each hit
# mid-loop. (A negative base to a non-integral power gives a complex number, which
# Sidewinder does not support yet: not tested here.)
def roots():
    total = 0.0
    for k in range(3000):
        x = k * 0.25 + 1.0
        total += x ** 0.5 + x ** 2.0 - x ** -1.5
    return total


def specials():
    values = [0.0, -0.0, 1.0, -1.0, 2.5, float("inf"), float("-inf"), float("nan")]
    out = []
    for k in range(2048):
        a = values[k % 8]
        b = values[(k // 8) % 8]
        if a < 0.0 and b == 2.5:
            b = 3.0
        if k >= 2048 - 64:
            try:
                out.append(repr(a ** b))
            except ZeroDivisionError as e:
                out.append("ZeroDivisionError: " + str(e))
        else:
            try:
                a ** b
            except ZeroDivisionError:
                pass
    return out


def overflow():
    count = 0
    for k in range(2000):
        try:
            count += (10.0 + k) ** (10.0 if k < 1995 else 400.0) > 0
        except OverflowError as e:
            count += 1000
            last = str(e)
    return count, last


print(roots())
for line in specials():
    print(line)
print(overflow())
