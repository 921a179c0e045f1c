# Dict comprehensions: captured keys and values, nested with list comprehensions.
table = {k: (lambda: k) for k in "abc"}
print(sorted([(name, f()) for name, f in table.items()]))

def scaled(factor):
    return {n: (lambda: n * factor) for n in range(3)}
print({k: f() for k, f in scaled(10).items()})

def grid():
    return [{c: (lambda: (r, c)) for c in range(2)} for r in range(2)]
print([[f() for f in row.values()] for row in grid()])

words = ["apple", "bob", "kiwi"]
lengths = {w: len(w) for w in words}
print(lengths)
