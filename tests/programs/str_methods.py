# Core string methods.
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(s.upper(), s.lower())
print(s.replace("l", "L"), s.replace("World", "Python"), s.replace("xyz", "q"))
print(s.find("o"), s.find("World"), s.find("zzz"), s.find("l", 6))
print(s.strip().startswith("Hello"), s.strip().endswith("!"), s.startswith("Hello"), "abc".endswith("bc"))
words = "the quick brown fox jumps over the lazy dog".split()
print(words, len(words))
print(" ".join(words), "-".join(words[:3]), "".join(["a", "b", "c"]), ", ".join([]))
print("a,b,,c".split(","), "a b  c".split(" "), "  a  b  ".split())
print("one two three".split(" ", 1))
csv = "name=alice;age=30;city=paris"
fields = csv.split(";")
for f in fields:
    parts = f.split("=")
    print(parts[0].upper(), "->", parts[1])
print("xxhixx".strip("x"), "..,,a..".strip(".,"), "Mixed Case".lower().replace(" ", "_"))
print("abc".upper().lower().upper())
line = "   indent"
print(len(line) - len(line.lstrip()))
text = "banana"
pos = text.find("an")
found = []
while pos != -1:
    found.append(pos)
    pos = text.find("an", pos + 1)
print(found)
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("ab", "cd"), "{name} is {age}".format(name="Bob", age=7))
print("hello world".startswith("world", 6), "hello"[1:].startswith("ell"))
print("a-b-c".replace("-", ""), "aaa".replace("a", "bb"), "x".join("123"))
