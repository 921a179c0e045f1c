# String operations in hot loops.
def build(n):
    parts = []
    for i in range(n):
        parts.append(str(i % 97))
    return ",".join(parts)
s = build(10000)
print(len(s), s[:30], s[-20:])
fields = s.split(",")
print(len(fields), sum([int(f) for f in fields]))
count = 0
for i in range(20000):
    t = "item" + str(i)
    if t.endswith("7"):
        count += 1
    if "99" in t:
        count += 2
print(count)
acc = ""
for i in range(6000):
    acc += chr(ord("a") + i % 26)
    if len(acc) > 50:
        acc = acc[25:]
print(acc, len(acc))
h = 0
for i in range(10000):
    w = "w" + str(i % 50)
    h = (h * 33 + len(w) + ord(w[-1])) % 1000000007
print(h)
up = 0
text = "The Quick Brown Fox"
for i in range(8000):
    if text.upper()[i % len(text)] == text[i % len(text)]:
        up += 1
print(up)
fmt = []
for i in range(5000):
    line = f"{i:05d}|{i * 0.5:.1f}|{i:x}"
    if i % 1000 == 0:
        fmt.append(line)
print(fmt)
