# Dict comprehensions: forms, filters, nesting and common idioms.
words = ["apple", "bob", "kayak", "zebra", "level", "moon"]
print({w: len(w) for w in words})
print({w: w[::-1] for w in words if w == w[::-1]})
print({i: i * i for i in range(6) if i % 2 == 0})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({k: v for k, v in zip("abc", [1, 2, 3])})
scores = {"ann": 81, "bo": 67, "cy": 92, "di": 74}
print({name: ("pass" if s >= 75 else "fail") for name, s in scores.items()})
print({v: k for k, v in scores.items()})
print({name: s for name, s in sorted(scores.items(), key=lambda p: -p[1])[:2]})

# Grouping into lists.
groups = {}
for w in words:
    groups.setdefault(len(w), []).append(w)
print({n: sorted(ws) for n, ws in sorted(groups.items())})

# Nested dict comprehensions.
print({r: {c: r * c for c in range(1, 3)} for r in range(1, 4)})

# Comprehension over a generator.
def gen():
    yield ("x", 1)
    yield ("y", 2)
print({k: v * 10 for k, v in gen()})

# Keys of mixed types.
print({x: type(x).__name__ for x in [1, "1", 1.5, (1,), None, True]})
print(len({i % 3: i for i in range(100)}), {i % 3: i for i in range(100)})
print({} == {x: x for x in []})
