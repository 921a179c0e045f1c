# Exceptions raised inside a generator whose frame a trace entered: caught in the
# generator, and escaping it into the loop's try.
def risky(n):
    i = 0
    while i < n:
        try:
            if i % 997 == 996:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield -1
        i += 1
    raise KeyError("done")


def run():
    total = 0
    negatives = 0
    try:
        for x in risky(5000):
            if x < 0:
                negatives += 1
            else:
                total += x
    except KeyError as e:
        print("escaped", repr(e))
    return total, negatives


print(run())
