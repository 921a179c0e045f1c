# Uncaught RuntimeError: set changed size during iteration.
s = {1, 2, 3}
for x in s.copy():
    s.add(x * 10)
print(sorted(s))
for x in s:
    print("visiting", x)
    s.discard(x)
print("not reached")
