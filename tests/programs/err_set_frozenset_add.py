# Uncaught AttributeError: frozenset has no add().
f = frozenset([1, 2])
print(f, f | {3})
s = set(f)
s.add(3)
print(s)
f.add(3)
print("not reached")
