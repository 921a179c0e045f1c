# bytes and bytearray: literals, indexing, slicing, operators, comparison, hashing, repr.
values = [b"", b"abc", b'it\'s', b"say \"hi\"", b'both \' and "', b"\x00\x01\x7f\x80\xff", b"tab\tnew\nret\r\\",
          rb"raw\n", b"implicit" b" concat", bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytearray(b"xyz")]
for v in values:
    print(repr(v), str(v), len(v), bool(v), list(v)[:6])
b = b"hello world"
print(b[0], b[-1], b[1:5], b[::-1], b[::2], b[100:], b[-3:])
print(type(b[0]).__name__, type(b[1:3]).__name__, type(bytearray(b)[1:3]).__name__)
print(b + b"!", b * 2, 3 * b"ab", b"" * 5, bytearray(b"a") + b"b", b"a" + bytearray(b"b"))
print(b"wor" in b, 111 in b, 300 in [b"x"], b"" in b, b"xyz" in b)
print(b == b"hello world", b == bytearray(b"hello world"), b != b"x", b < b"help", b"abc" < b"abd", b"ab" < b"abc")
print(b"a" == "a", sorted([b"b", b"a", b"ab"]), max(b"xyz"), min(b"xyz"), sum(b"abc"))
print(hash(b"abc") == hash(b"abc"), hash(b"abc") == hash(bytes(bytearray(b"abc"))), {b"k": 1}[b"k"])
print(len({b"a", b"a", b"b"}), b"k" in {b"k": 0})
for byte in b"hi":
    print(byte, end=" ")
print()
print(list(enumerate(bytearray(b"ok"))), iter(b"").__class__.__name__, iter(bytearray()).__class__.__name__)
print(f"{b'x'}", "%s" % b"y", str(bytearray(b"z")), repr(bytearray()))
print(bytes(b"copy"), bytes(bytearray(b"ba")), bytearray(b"ab"), bytearray(4), bytearray([1, 2]), bytearray("é", "utf-8"))
x = b"abc"
x += b"def"
print(x)
