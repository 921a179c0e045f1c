# Sets of strings (always printed in sorted form, since str hashing is seeded).
words = "the quick brown fox jumps over the lazy dog the end".split()
u = set(words)
print(len(words), len(u), sorted(u))
print("the" in u, "cat" in u, "The" in u, "" in u)
vowels = set("aeiou")
for w in sorted(u):
    print(w, sorted(set(w) & vowels), sorted(set(w) - vowels), len(set(w)))
a = set("abracadabra")
b = set("alacazam")
print(sorted(a), sorted(b))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a < set("abcdr"), a <= set("abcdr"), set("ab") < a, a == set("rbadc"))
f = frozenset(["x", "y"])
print(sorted(f | {"z"}), sorted({"z"} | f), type(f | {"z"}).__name__)
s = set()
for w in words:
    s.add(w.upper())
s.discard("THE")
s.remove("DOG")
print(sorted(s), len(s))
popped = []
while s:
    popped.append(s.pop())
print(sorted(popped), s)
letters = {c for c in "Mississippi".lower()}
print(sorted(letters), "".join(sorted(letters)))
pangram = "the five boxing wizards jump quickly"
print(set("abcdefghijklmnopqrstuvwxyz") <= set(pangram), sorted(set("abcdefghijklmnopqrstuvwxyz") - set("hello world")))
mixed = {1, "1", 1.0, "one", (1, "1")}
print(len(mixed), sorted(mixed, key=repr))
print(sorted({"b", "a"} | {1}, key=str))
d = {}
for w in words:
    d.setdefault(len(w), set()).add(w)
for k in sorted(d):
    print(k, sorted(d[k]))
print(sorted(frozenset(["gamma", "alpha", "beta"])), hash(frozenset(["q"])) == hash(frozenset(["q"])))
groups = {frozenset(sorted(w)): w for w in ["listen", "silent", "enlist", "google", "elgoog"]}
print(sorted(groups.values()), len(groups))
anagrams = {}
for w in ["listen", "silent", "enlist", "google", "banana"]:
    anagrams.setdefault(frozenset(w), set()).add(w)
print(sorted(sorted(v) for v in anagrams.values()))
print(sorted(set("hello") ^ set("world")), sorted(set("abc").union("cde", "efg")))
print(sorted(set(["a", "b"]).intersection("abc", ["b", "c"])))
print(sorted({s.strip() for s in [" a", "a ", "b"]}), sorted({w[0] for w in words}))
print(sorted({str(i) for i in range(12)}), sorted({str(i) for i in range(12)}, key=int))
