# Iterating dicts; counting and grouping.
text = "the cat and the hat and the bat sat on the mat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
for k in counts:
    print(k, counts[k])
for k, v in counts.items():
    if v > 1:
        print("repeated:", k, v)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(counts, key=lambda k: counts[k]), sum(counts.values()), len(counts))
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
for length in sorted(groups.keys()):
    print(length, groups[length])
letters = {}
for ch in "mississippi":
    if ch in letters:
        letters[ch] += 1
    else:
        letters[ch] = 1
print(letters, list(letters), sorted(letters.values()))
inverted = {}
for k, v in letters.items():
    inverted[v] = k
print(inverted)
keys = list(counts.keys())
for k in keys:
    if counts[k] == 1:
        del counts[k]
print(counts)
total = 0
for v in {"a": 1, "b": 2, "c": 3}.values():
    total += v
print(total)
for i, (k, v) in enumerate({"x": 10, "y": 20}.items()):
    print(i, k, v)
