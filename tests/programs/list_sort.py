# Sorting: key, reverse, stability.
data = [5, 2, 9, 1, 5, 6, -3, 0, 12, 7]
print(sorted(data), data)
print(sorted(data, reverse=True))
print(sorted(data, key=abs))
print(sorted(data, key=lambda v: -v))
print(sorted(data, key=lambda v: v % 3))
words = ["pear", "fig", "banana", "kiwi", "apple", "date", "plum"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1])
print(words)
records = [("alice", 30, 5.5), ("bob", 25, 6.1), ("carol", 30, 5.2), ("dave", 25, 5.9), ("eve", 35, 5.5)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
by_age_height = sorted(records, key=lambda r: (r[1], -r[2]))
print(by_age_height)
print(sorted(records, key=lambda r: r[2], reverse=True))
mixed = [3.5, 1, 2.25, -1, 0.0, 2]
mixed.sort()
print(mixed)
strs = ["b", "A", "c", "B", "a"]
strs.sort()
print(strs)
strs.sort(key=lambda s: s.lower())
print(strs)
nested = [[3, 1], [1, 2], [3, 0], [1, 1, 1], []]
nested.sort()
print(nested)
big = []
seed = 12345
for i in range(200):
    seed = (seed * 1103515245 + 12345) % 2147483648
    big.append(seed % 1000)
big.sort()
print(big[:10], big[-5:], big == sorted(big))
print(sorted("hello world"), sorted((3, 1, 2)), sorted([]))
print(sorted([[2, "b"], [1, "z"], [2, "a"]]))
def second(item):
    return item[1]
print(sorted([(1, "c"), (2, "a"), (3, "b")], key=second))
