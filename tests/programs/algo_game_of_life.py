# Conway's game of life on a small torus.
W = 20
H = 12
grid = [[0] * W for _ in range(H)]
glider = [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]
for r, c in glider:
    grid[r][c] = 1
blinker = [(6, 10), (6, 11), (6, 12)]
for r, c in blinker:
    grid[r][c] = 1
def step(g):
    new = [[0] * W for _ in range(H)]
    for r in range(H):
        for c in range(W):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr == 0 and dc == 0:
                        continue
                    n += g[(r + dr) % H][(c + dc) % W]
            if g[r][c] == 1 and (n == 2 or n == 3):
                new[r][c] = 1
            elif g[r][c] == 0 and n == 3:
                new[r][c] = 1
    return new
def show(g):
    for row in g:
        print("".join(["#" if v else "." for v in row]))
show(grid)
for gen in range(1, 31):
    grid = step(grid)
    if gen % 10 == 0:
        print("generation", gen, "alive", sum([sum(row) for row in grid]))
        show(grid)
