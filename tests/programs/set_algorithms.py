# Small algorithms that lean on sets: dedupe, graph search, sieve, closure, cover.
def dedupe(seq):
    seen = set()
    out = []
    for v in seq:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out
print(dedupe([3, 1, 3, 2, 1, 5, 2, 9]))
graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: [], 7: [1]}
def reachable(start):
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen
for n in sorted(graph):
    print(n, reachable(n))
def bfs_levels(start):
    frontier = {start}
    visited = {start}
    levels = []
    while frontier:
        levels.append(sorted(frontier))
        nxt = set()
        for node in frontier:
            nxt.update(graph[node])
        frontier = nxt - visited
        visited |= frontier
    return levels
print(bfs_levels(7))
def sieve(n):
    composite = set()
    primes = []
    for i in range(2, n):
        if i not in composite:
            primes.append(i)
            composite.update(range(i * i, n, i))
    return primes
print(sieve(100))
primes = set(sieve(200))
print(len(primes), sorted(p for p in primes if p + 2 in primes)[:10])
relation = {(1, 2), (2, 3), (3, 4)}
closure = set(relation)
while True:
    new = {(a, d) for (a, b) in closure for (c, d) in closure if b == c}
    if new <= closure:
        break
    closure |= new
print(sorted(closure))
universe = set(range(1, 11))
subsets = [{1, 2, 3, 8}, {1, 2, 3, 4, 8}, {1, 2, 3, 4}, {2, 3, 4, 5, 7, 8}, {4, 5, 6, 7}, {5, 6, 7, 9, 10}, {4, 5, 6, 7}, {1, 2, 4, 8}, {6, 9}, {6, 10}]
covered = set()
chosen = []
while covered != universe:
    best = max(range(len(subsets)), key=lambda i: len(subsets[i] - covered))
    chosen.append(best)
    covered |= subsets[best]
print(chosen, covered == universe)
def powerset(items):
    result = [frozenset()]
    for it in items:
        result += [s | {it} for s in result]
    return result
ps = powerset([1, 2, 3])
print(len(ps), sorted(sorted(s) for s in ps), len(set(ps)))
print(sorted(sorted(s) for s in set(ps) if len(s) == 2))
def life_step(cells):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = (x + dx, y + dy)
                    counts[k] = counts.get(k, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
g = glider
for i in range(4):
    g = life_step(g)
    print(i + 1, sorted(g))
print(g == {(x + 1, y + 1) for (x, y) in glider})
text = "it was the best of times it was the worst of times"
ws = text.split()
print(sorted({w for w in ws if ws.count(w) > 1}), sorted(set(ws[:6]) ^ set(ws[6:])))
nums = [4, 9, 11, 2, 7, 15, -3]
target = 13
seen = set()
pairs = set()
for v in nums:
    if target - v in seen:
        pairs.add((min(v, target - v), max(v, target - v)))
    seen.add(v)
print(sorted(pairs))
def happy(n):
    seen = set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = sum(int(d) ** 2 for d in str(n))
    return n == 1
print([n for n in range(1, 50) if happy(n)])
def collatz_seen(limit):
    known = {1}
    for start in range(2, limit):
        path = []
        n = start
        while n not in known:
            path.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
        known.update(path)
    return len(known), max(known)
print(collatz_seen(200))
