# Uncaught TypeError: a list inside a set display.
ok = {1, 2, (3, 4)}
print(sorted(ok, key=str))
items = [5, 6]
print({items[0], items[1]})
bad = {[]}
print("not reached", bad)
