# Text processing: word frequencies, formatting a report.
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
words = []
for raw in TEXT.split():
    w = raw.strip(",.").lower()
    if w:
        words.append(w)
print(len(words), "words")
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, n in ranked[:8]:
    bar = "#" * n
    print(f"{w:<12}{n:>3} {bar}")
lengths = {}
for w in freq:
    lengths.setdefault(len(w), []).append(w)
for k in sorted(lengths):
    print(k, sorted(lengths[k]))
lines = TEXT.split("\n")
for i, line in enumerate(lines):
    print(f"{i + 1:2d}: {len(line):3d} chars, {len(line.split()):2d} words | {line[:20]!r}")
longest = max(words, key=len)
print("longest:", longest, len(longest))
avg = sum([len(w) for w in words]) / len(words)
print(f"average length {avg:.3f}")
caps = [w for w in TEXT.replace(",", " ").replace(".", " ").split() if w[0].upper() == w[0] and w[0] != w[0].lower()]
print(caps)
