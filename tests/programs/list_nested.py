# Nested lists, matrices, aliasing.
grid = [[0] * 4 for _ in range(3)]
grid[1][2] = 5
print(grid)
alias = [[0] * 3] * 3
alias[0][0] = 1
print(alias)
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
t = [[m[j][i] for j in range(3)] for i in range(3)]
print(t)
def matmul(a, b):
    n = len(a)
    p = len(b[0])
    k = len(b)
    out = []
    for i in range(n):
        row = []
        for j in range(p):
            s = 0
            for x in range(k):
                s += a[i][x] * b[x][j]
            row.append(s)
        out.append(row)
    return out
print(matmul(m, t))
ident = [[1 if i == j else 0 for j in range(4)] for i in range(4)]
print(ident)
p = m
for _ in range(5):
    p = matmul(p, m)
print(p)
flat = [x for row in m for x in row]
print(flat, sum(flat))
jag = [[], [1], [1, 2], [1, 2, 3]]
for row in jag:
    print(len(row), row)
deep = [1, [2, [3, [4, [5]]]]]
cur = deep
depth = 0
while isinstance(cur, list):
    depth += 1
    cur = cur[-1]
print("depth", depth, cur)
print(deep[1][1][1][1][0], deep[1][1][0])
board = [["." for _ in range(5)] for _ in range(5)]
for i in range(5):
    board[i][i] = "\\"
    board[i][4 - i] = "/"
board[2][2] = "X"
for row in board:
    print("".join(row))
