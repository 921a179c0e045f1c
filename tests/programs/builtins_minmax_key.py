# min/max with key, sorted with key, ties.
words = ["kiwi", "fig", "banana", "apple", "date", "cherry"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max(words, key=lambda w: w[-1]), min(words, key=lambda w: (len(w), w)))
print(max(3, 7, 5, key=lambda v: -v), min(3, 7, 5, key=lambda v: -v))
pts = [(1, 5), (3, 2), (-4, 0), (2, 2)]
print(max(pts, key=lambda p: p[0] * p[0] + p[1] * p[1]), min(pts, key=lambda p: p[1]))
print(max([1, 1.0]), max([1.0, 1]), min([2, 2.0]), max([True, 1]))
print(max("a", "b", "c"), min([[1, 2], [1], [0, 9]]))
scores = {"ann": 91, "bob": 78, "cid": 91, "dee": 85}
print(max(scores, key=lambda k: scores[k]), min(scores, key=lambda k: scores[k]))
print(sorted(scores, key=lambda k: scores[k]), sorted(scores, key=lambda k: scores[k], reverse=True))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
