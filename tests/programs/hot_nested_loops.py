# Nested hot loops with break/continue.
def count_pythagorean(limit):
    count = 0
    for a in range(1, limit):
        for b in range(a, limit):
            c2 = a * a + b * b
            c = int(c2 ** 0.5)
            if c >= limit:
                break
            if c * c == c2:
                count += 1
    return count
print(count_pythagorean(200))
def collatz_max(n):
    best = 0
    best_i = 0
    for i in range(1, n):
        x = i
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        if steps > best:
            best = steps
            best_i = i
    return best_i, best
print(collatz_max(10000))
def matrix_power_trace(n):
    m = [[(i * n + j) % 7 for j in range(n)] for i in range(n)]
    r = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
    for _ in range(5):
        nr = [[0] * n for _ in range(n)]
        for i in range(n):
            for j in range(n):
                s = 0
                for k in range(n):
                    s += r[i][k] * m[k][j]
                nr[i][j] = s
        r = nr
    return sum([r[i][i] for i in range(n)])
print(matrix_power_trace(12))
hits = 0
for i in range(200):
    for j in range(200):
        if (i * 7 + j) % 3 == 0:
            continue
        if i + j > 350:
            break
        hits += 1
print(hits)
