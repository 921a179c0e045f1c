# Uncaught TypeError: set() of an int.
print(set([1]), set(range(2)), set("a"))
print(set(1))
