# Uncaught KeyError from set.remove of a missing element.
s = set(range(5))
s.remove(0)
s.discard(99)
print(s)
s.remove(99)
print("not reached")
