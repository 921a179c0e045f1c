# String literals, operators, indexing.
s = "hello"
t = 'world'
print(s + " " + t, s * 3, "-" * 20)
print(len(s), len(""), len("tab\there"), len("new\nline"))
print(s[0], s[4], s[-1], s[-5], s[1] + s[-2])
print("ell" in s, "xyz" in s, "" in s, "h" not in t)
print(s == "hello", s != t, s < t, "abc" < "abd", "Z" < "a", "apple" < "apples", "" < "a")
print("a\tb", "quote\"inside", 'single\'s', "back\\slash")
print("""triple
quoted""", '''another''')
print("con" "cat" "enation")
print("unicode: \u00e9 \u03c0 caf\u00e9", len("caf\u00e9"), "\u03c0"[0])
u = "na\u00efve \u2603 snow"
print(u, len(u), u[3], u[-4:], u.upper())
chars = []
for ch in "abc":
    chars.append(ch * 2)
print(chars)
i = 0
out = ""
while i < len(s):
    out = s[i] + out
    i += 1
print(out)
print(str(12) + str(3.5) + str(None) + str(True) + str([1, 2]) + str((3,)))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("line\nbreak\t\\"))
x = "abc"
x += "def"
x *= 2
print(x)
print(max("hello"), min("hello"), sorted("banana"))
print(list("xyz"), tuple("ab"))
