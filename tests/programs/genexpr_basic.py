# Generator expressions: basic forms and consumption by builtins.
nums = [4, 8, 15, 16, 23, 42]
print(sum(x for x in nums))
print(list(x * 2 for x in nums))
print(list(x for x in nums if x % 2))
print(max(x % 10 for x in nums), min(-x for x in nums))
print(tuple(str(x) for x in range(4)))
print(sorted((x % 7 for x in nums), reverse=True))
print(any(x > 40 for x in nums), all(x > 4 for x in nums))
print(", ".join(w.capitalize() for w in "the quick brown fox".split()))
print(dict((w, len(w)) for w in ["a", "bb", "ccc"]))
print(list((i, c) for i, c in enumerate("xyz")))
print(list(a + b for a, b in zip([1, 2, 3], [10, 20, 30])))
print(sum(1 for _ in range(17)))
print(list(x for x in []))
print(next(x for x in nums if x > 10))
print(next((x for x in nums if x > 100), "no match"))

g = (c.upper() for c in "abc")
print(type(g).__name__)
print(next(g), list(g), list(g))

# Multiple for clauses and conditions.
print(list((x, y) for x in range(3) for y in range(3) if x != y))
print(list(x * y for x in range(1, 4) if x > 1 for y in range(x) if y))
print(list(ch for word in ["ab", "cd"] for ch in word))

# Tuple unpacking targets and nested targets.
pairs = [(1, ("a", True)), (2, ("b", False))]
print(list(n for n, (s, flag) in pairs if flag), list(s * n for n, (s, _) in pairs))

# The result of a generator expression is lazy and one-shot.
squares = (n * n for n in range(5))
print(3 * 3 in squares, list(squares))

# Conditional expressions inside.
print(list("even" if n % 2 == 0 else "odd" for n in range(4)))

# Generator expression over a dict iterates keys.
d = {"k1": 1, "k2": 2}
print(list(k.upper() for k in d), sum(d[k] for k in d))
