# Uncaught TypeError: frozenset() takes no keyword arguments.
print(frozenset([1, 1, 2]))
print(frozenset(iterable=[1]))
