# Uncaught TypeError: set() takes no keyword arguments.
print(set(iter([4, 4, 5])))
print(set(a=1))
