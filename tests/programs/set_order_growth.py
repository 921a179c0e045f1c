# Iteration order of int sets of sizes 0..100 built in different orders.
def fp(s):
    # Order-sensitive fingerprint of the iteration order.
    total = 0
    pos = 1
    for v in s:
        total = (total * 31 + v * pos) % 1000003
        pos += 1
    return total
def build(values):
    s = set()
    for v in values:
        s.add(v)
    return s
full = [0, 1, 2, 3, 4, 5, 6, 8, 9, 12, 17, 18, 19, 20, 33, 76, 77, 100]
orders = [
    ("asc", lambda n: list(range(n))),
    ("desc", lambda n: list(range(n - 1, -1, -1))),
    ("stride37", lambda n: [(i * 37) % 211 for i in range(n)]),
    ("mult8", lambda n: [i * 8 for i in range(n)]),
    ("neg", lambda n: [-i for i in range(n)]),
    ("mixed", lambda n: [(i * 7919) % 1000 - 500 for i in range(n)]),
]
for name, make in orders:
    fps = []
    for n in range(101):
        vals = make(n)
        s = build(vals)
        t = set(vals)
        if list(s) != list(t):
            print(name, n, "add-loop and set(list) differ")
            print("  add:", list(s))
            print("  set:", list(t))
        if n in full and name not in ("asc", "desc"):
            print(name, n, list(s))
        fps.append(fp(s))
    print(name, "fingerprints", fps)
for n in [5, 19, 77]:
    vals = [(i * 37) % 211 for i in range(n)]
    print("frozenset", n, list(frozenset(vals)))
    print("comprehension", n, list({v for v in vals}))
    print("star", n, list({*vals}))
