# Nested generator expressions, genexprs of genexprs, and genexprs feeding genexprs.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(sum(sum(v for v in row) for row in matrix))
print(list(list(v * 10 for v in row) for row in matrix))
print(list(max(row) for row in matrix))
print(list(sum(row[i] for row in matrix) for i in range(3)))

stage1 = (x * x for x in range(10))
stage2 = (y + 1 for y in stage1 if y % 2 == 0)
stage3 = (str(z) for z in stage2)
print("|".join(stage3))

# A genexpr whose first iterable is itself a genexpr.
print(list(a - 1 for a in (b * 3 for b in range(4))))

# Generators of generators, consumed outside.
gens = (range(n) for n in range(4))
print([list(g) for g in gens])

# Deeply chained.
g = (v for v in range(5))
for _ in range(20):
    g = (v for v in g)
print(list(g))

words = ["apple", "banana", "cherry"]
print(list((w, sum(1 for ch in w if ch in "aeiou")) for w in words))
print(dict((w[0], list(c for c in w if c != w[0])) for w in words))
