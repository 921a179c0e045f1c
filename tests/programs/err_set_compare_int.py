# Uncaught TypeError from ordering a set against an int.
s = {1, 2}
print(s == 1, s != 1, s < {1, 2, 3}, s <= s)
print(s < 1)
