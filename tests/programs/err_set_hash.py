# Uncaught TypeError: sets are unhashable.
print(hash(frozenset({1, 2, 3})))
print(hash(frozenset()) == hash(frozenset([])))
print(hash({1, 2, 3}))
