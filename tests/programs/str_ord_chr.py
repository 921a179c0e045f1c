# ord/chr and simple ciphers.
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("\u00e9"), ord("\u20ac"))
print(chr(97), chr(65), chr(48), repr(chr(10)), chr(233), chr(8364))
def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! The Quick Brown Fox."
enc = caesar(msg, 13)
print(enc)
print(caesar(enc, 13))
for k in [1, 5, 25, -3]:
    print(k, caesar("xyz ABC", k))
alphabet = ""
for i in range(26):
    alphabet += chr(ord("a") + i)
print(alphabet, len(alphabet))
checksum = 0
for ch in alphabet * 3:
    checksum = (checksum * 31 + ord(ch)) % 1000000007
print("checksum", checksum)
print([ord(c) for c in "Py3"], "".join([chr(c) for c in [80, 121, 116, 104, 111, 110]]))
