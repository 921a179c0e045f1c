# Graph algorithms: BFS on a grid, DFS, topological sort, Dijkstra with a list-based queue.
maze = [
    "S.#.......",
    ".##.####..",
    "....#....#",
    "#.#.#.##..",
    "..#...#..E",
]
rows = len(maze)
cols = len(maze[0])
start = None
end = None
for r in range(rows):
    for c in range(cols):
        if maze[r][c] == "S":
            start = (r, c)
        elif maze[r][c] == "E":
            end = (r, c)
dist = {start: 0}
queue = [start]
prev = {}
while queue:
    cur = queue.pop(0)
    if cur == end:
        break
    r, c = cur
    for dr, dc in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
        nr = r + dr
        nc = c + dc
        if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != "#" and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[cur] + 1
            prev[(nr, nc)] = cur
            queue.append((nr, nc))
print("distance", dist[end])
path = [end]
while path[-1] != start:
    path.append(prev[path[-1]])
path.reverse()
print(path)
grid = [list(row) for row in maze]
for r, c in path[1:-1]:
    grid[r][c] = "*"
for row in grid:
    print("".join(row))
graph = {"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"], "belt": ["jacket"],
         "socks": ["shoes"], "shoes": [], "jacket": [], "watch": []}
order = []
visited = {}
def visit(node):
    if node in visited:
        return
    visited[node] = True
    for nxt in graph[node]:
        visit(nxt)
    order.append(node)
for node in graph:
    visit(node)
order.reverse()
print(order)
edges = {"A": [("B", 7), ("C", 9), ("F", 14)], "B": [("A", 7), ("C", 10), ("D", 15)],
         "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)], "D": [("B", 15), ("C", 11), ("E", 6)],
         "E": [("D", 6), ("F", 9)], "F": [("A", 14), ("C", 2), ("E", 9)]}
best = {"A": 0}
frontier = [(0, "A")]
done = {}
while frontier:
    frontier.sort()
    d, node = frontier.pop(0)
    if node in done:
        continue
    done[node] = d
    for nxt, w in edges[node]:
        nd = d + w
        if nxt not in best or nd < best[nxt]:
            best[nxt] = nd
            frontier.append((nd, nxt))
print(sorted(done.items()))
