# Building and processing strings in loops.
def is_palindrome(s):
    cleaned = ""
    for ch in s.lower():
        if "a" <= ch <= "z":
            cleaned += ch
    return cleaned == cleaned[::-1]
for p in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw", "", "ab"]:
    print(repr(p), is_palindrome(p))
def rle(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(str(count) + prev)
            prev = ch
            count = 1
    out.append(str(count) + prev)
    return "".join(out)
for s in ["aaabbbcccd", "abc", "", "zzzzzzzzzzzz", "aabbaa"]:
    print(repr(s), rle(s))
rows = []
for i in range(1, 8):
    rows.append(" " * (7 - i) + "*" * (2 * i - 1))
print("\n".join(rows))
acc = ""
for i in range(2000):
    acc += str(i % 10)
print(len(acc), acc[:25], acc[-15:], acc.find("9012"))
words = []
for w in "one two three four five six".split():
    words.append(w[0].upper() + w[1:])
print(" ".join(words))
