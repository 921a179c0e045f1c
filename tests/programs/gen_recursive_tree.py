# Recursive generators: tree walks, permutations and combinations with yield from.
class Node:
    def __init__(self, key, left=None, right=None):
        self.key = key
        self.left = left
        self.right = right

def insert(root, key):
    if root is None:
        return Node(key)
    if key < root.key:
        root.left = insert(root.left, key)
    else:
        root.right = insert(root.right, key)
    return root

def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.key
        yield from inorder(node.right)

def preorder(node):
    if node is not None:
        yield node.key
        yield from preorder(node.left)
        yield from preorder(node.right)

def with_depth(node, d):
    if node is not None:
        yield from with_depth(node.left, d + 1)
        yield (node.key, d)
        yield from with_depth(node.right, d + 1)

root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35, 65]:
    root = insert(root, k)
print(list(inorder(root)))
print(list(preorder(root)))
print(max(with_depth(root, 0), key=lambda p: p[1]))

def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p

print(["".join(p) for p in permutations(list("abc"))])
print(len(list(permutations([1, 2, 3, 4, 5]))))

def combinations(items, k):
    if k == 0:
        yield []
        return
    for i in range(len(items)):
        for tail in combinations(items[i + 1:], k - 1):
            yield [items[i]] + tail

print(list(combinations([1, 2, 3, 4], 2)))

def walk_dict(d, path):
    for key in d:
        value = d[key]
        if isinstance(value, dict):
            yield from walk_dict(value, path + [key])
        else:
            yield ".".join(path + [key]), value

config = {"db": {"host": "h", "port": 5}, "debug": True, "ui": {"theme": {"dark": 1}}}
for k, v in walk_dict(config, []):
    print(k, "=", v)

def hanoi(n, a, b, c):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)

moves = list(hanoi(4, "A", "B", "C"))
print(len(moves), moves[:5])

# Deep recursion through yield from.
def deep(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep(n - 1)
print(list(deep(200)))
