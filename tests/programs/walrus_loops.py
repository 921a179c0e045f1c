# The walrus operator in loops, conditions and comprehension filters.
def chunks(data, size):
    out = []
    pos = 0
    while (piece := data[pos:pos + size]):
        out.append(piece)
        pos += size
    return out

print(chunks(list(range(10)), 3))
print(chunks("abcdefg", 2))

def first_big(values, limit):
    for v in values:
        if (doubled := v * 2) > limit:
            return v, doubled
    return None

print(first_big([1, 5, 9, 12], 15), first_big([1, 2], 100))

def running(values):
    acc = 0
    return [acc := acc + v for v in values], acc

print(running(range(1, 8)))

def nested_filters(rows):
    return [(r, c, s) for r in rows for c in r if (s := sum(r) + c) % 2 == 0], s

print(nested_filters([[1, 2], [3, 4, 5], [6]]))

counter = 0
def bump():
    global counter
    return [(counter := counter + 1) for _ in range(3)]

print(bump(), counter)

def closure_sees_walrus():
    def make():
        vals = [(seen := x) for x in "xyz"]
        return vals, seen
    return make()

print(closure_sees_walrus())
print([(x, y) for x in range(3) if (y := x * x) > 0])
print({k: (v := k * 3) for k in range(3)}, v)
print({(w := i % 2) for i in range(5)}, w)
print(list(((g := i) for i in range(4))), g)
