# Uncaught TypeError: set() with two positional arguments.
print(set(), set([1, 2]))
print(set(1, 2))
