# Iteration order of sets of tuples of ints/floats/bools (hash-seed independent).
print(hash((1, 2)), hash((2, 1)), hash(()), hash((0,)), hash((1, (2, 3))))
print({(1, 2), (2, 1)})
print({(2, 1), (1, 2)})
print({(), (0,), (0, 0), (0, 0, 0)})
pts = set()
for x in range(4):
    for y in range(4):
        pts.add((x, y))
print(pts)
print(list(pts) == [p for p in pts])
pts2 = set((y, x) for x in range(4) for y in range(4))
print(pts2, pts == pts2)
print(set((i, -i) for i in range(10)))
print(set((i, i * 0.5, i % 2 == 0) for i in range(6)))
print({(1, (2, 3)), ((1, 2), 3), (1, 2, 3)})
print({(True, 1), (1, True), (1, 1)})
grid = set()
for i in range(25):
    grid.add((i % 5, i // 5))
grid.discard((2, 2))
grid.discard((0, 0))
print(grid)
moved = set((x + 1, y) for (x, y) in grid)
print(moved & grid)
print(moved - grid)
print(grid ^ moved)
edges = {(1, 2), (2, 3), (3, 1), (1, 2), (3, 4)}
print(edges, len(edges))
rev = {(b, a) for (a, b) in edges}
print(rev, edges & rev, edges | rev)
print(set(zip(range(5), range(5, 10))))
print(set(enumerate([7, 7, 8])))
nested = {((i, j), (j, i)) for i in range(3) for j in range(3)}
print(nested)
print({(0.5, -1), (-1, 0.5), (2 ** 70, 1), (1, 2 ** 70)})
print({(None, 1)} == {(None, 1)}, (None, 1) in {(None, 1), (1, None)})
for t in {(3, 4), (1, 2), (5, 6)}:
    print(t[0] + t[1], t)
