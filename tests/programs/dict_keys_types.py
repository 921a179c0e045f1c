# Keys of different types; numeric key equivalence.
d = {}
d[1] = "int one"
d[True] = "bool true"
print(d, len(d))
d[1.0] = "float one"
print(d, len(d))
d[0] = "zero"
d[False] = "false"
print(d)
d[(1, 2)] = "tuple"
d["1"] = "string one"
d[None] = "none"
d[2 ** 80] = "big"
d[-5] = "neg"
print(d)
print(d[(1, 2)], d["1"], d[None], d[2 ** 80], d[1], d[0.0])
print((1, 2) in d, (2, 1) in d, 2 ** 80 in d, 2 ** 81 in d)
try:
    d[[1, 2]] = "list"
except TypeError as e:
    print("TypeError:", e)
try:
    print({}.get({}))
except TypeError as e:
    print("TypeError:", e)
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(2, 1)], len(grid), grid.get((5, 5), "off"))
