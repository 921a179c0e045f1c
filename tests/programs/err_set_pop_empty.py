# Uncaught KeyError from popping an empty set.
s = {3, 1, 2}
while s:
    print("popped", s.pop())
print("now empty:", s, len(s))
s.pop()
print("not reached")
