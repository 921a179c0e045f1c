# List and dict operations in hot loops.
def run(n):
    lst = []
    d = {}
    for i in range(n):
        lst.append(i * 2)
        if len(lst) > 100:
            lst.pop(0)
        key = i % 37
        d[key] = d.get(key, 0) + i
        if i % 1000 == 999:
            del d[key]
    return sum(lst), len(lst), len(d), sum(d.values())
print(run(20000))
grid = [[0] * 50 for _ in range(50)]
for i in range(20000):
    r = (i * 7) % 50
    c = (i * 13) % 50
    grid[r][c] += 1
print(sum([sum(row) for row in grid]), grid[0][0], grid[7][13], max([max(row) for row in grid]))
counts = {}
words = ["alpha", "beta", "gamma", "delta", "alpha", "beta", "alpha"]
for i in range(14000):
    w = words[i % 7]
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
acc = []
for i in range(6000):
    acc.insert(0, i) if i % 500 == 0 else acc.append(i)
print(len(acc), acc[:12], acc[-3:])
stack = []
for i in range(10000):
    if i % 3 == 2:
        stack.pop()
    else:
        stack.append(i)
print(len(stack), stack[-4:])
t = (1, 2, 3)
s = 0
for i in range(10000):
    s += t[i % 3] + len(t)
    t = (t[1], t[2], t[0])
print(s, t)
