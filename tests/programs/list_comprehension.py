# List comprehensions at module level.
squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0]
print(evens)
pairs = [(i, j) for i in range(3) for j in range(3) if i != j]
print(pairs)
words = ["apple", "Banana", "cherry", "date"]
print([w.upper() for w in words if len(w) > 4])
print([len(w) for w in words])
print([[i * j for j in range(1, 5)] for i in range(1, 5)])
flat = [c for w in words for c in w if c in "aeiou"]
print(flat, len(flat))
print([x if x % 2 else -x for x in range(8)])
print([str(x) for x in [1.5, 2, None]])
print([(x, y) for x in range(4) if x > 1 for y in "ab"])
offset = 100
print([x + offset for x in range(5)])
print(sum([x for x in range(1000) if x % 3 == 0 or x % 5 == 0]))
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in matrix for i in range(len(row)) if i != 1])
x = "outer"
print([x for x in range(3)], x)
