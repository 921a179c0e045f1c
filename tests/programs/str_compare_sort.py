# Comparing and sorting strings.
names = ["bob", "Alice", "carol", "dave", "Eve", "alice", "Bob", "", "a", "aa"]
print(sorted(names))
print(sorted(names, reverse=True))
print(sorted(names, key=len))
print(sorted(names, key=lambda s: s.lower()))
print(min(names), max(names), min(names, key=len), max(names, key=len))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs))
for a, b in [("a", "b"), ("abc", "abd"), ("abc", "ab"), ("B", "a"), ("10", "9"), ("", "")]:
    print(repr(a), repr(b), a < b, a <= b, a == b, a > b)
print("x" * 3 == "xxx", "abc" != "ABC", "abc".upper() == "ABC")
