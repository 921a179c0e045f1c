# Nested comprehensions whose lambdas capture variables of both levels.
fs = [[lambda: (r, c) for c in range(2)] for r in range(2)]
print([[f() for f in row] for row in fs])

gs = [lambda: [x + y for y in range(2)] for x in range(3)]
print([g() for g in gs])

def mixed(n):
    return [lambda: [lambda: (i, j) for j in range(i)] for i in range(n)]
print([[h() for h in f()] for f in mixed(3)])

flat = [lambda: a * b for a in range(1, 3) for b in range(1, 3)]
print([f() for f in flat])
