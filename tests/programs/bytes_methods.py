# Methods of bytes and bytearray, str.encode/bytes.decode, and int.to_bytes/from_bytes.
b = b"  The quick brown fox jumps over the lazy dog  "
print(b.count(b"o"), b.count(ord("e")), b.count(b""), b.count(b"o", 20), b.count(b"o", 5, 20))
print(b.find(b"fox"), b.find(b"cat"), b.rfind(b"o"), b.find(111, 30), b.index(b"quick"), b.rindex(b"the"))
print(b.startswith(b"  The"), b.endswith((b"x", b"g  ")), b.startswith(b"The", 2), b.endswith(b"dog", 0, -2))
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Tg"), b"xxhixx".strip(b"x"))
print(b.split(), b.split(b" "), b.split(maxsplit=2), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1))
print(b.upper(), b.lower(), b"abc123".isalnum(), b"123".isdigit(), b"abc".isalpha(), b" \t".isspace(), b"".isdigit())
print(b.replace(b"o", b"0"), b.replace(b"o", b"", 2), b"abc".replace(b"", b"-"))
print(b"-".join([b"a", bytearray(b"b"), b"c"]), bytearray(b", ").join([b"x", b"y"]), b"".join([]))
print(b"\xde\xad\xbe\xef".hex(), b"\xde\xad\xbe\xef".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2), b"\x01\x02\x03".hex(" ", -2))
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"), bytes.fromhex(""))
print("héllo €".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"), "é€😀".encode("ascii", "backslashreplace"))
print("é€".encode("ascii", "replace"), "é€".encode("ascii", "ignore"), "é€".encode("ascii", "xmlcharrefreplace"), "x".encode(encoding="UTF_8"))
print(b"h\xc3\xa9llo".decode(), b"h\xe9llo".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
print(b"a\xffb".decode(errors="backslashreplace"), b"abc".decode("ascii"), b"\xf0\x9f\x98\x80".decode("utf-8"))
for value in [0, 1, 255, 256, 65535, 2**64 + 5]:
    print(value, value.to_bytes(9, "big"), value.to_bytes(9, "little"), int.from_bytes(value.to_bytes(9, "big"), "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (5).to_bytes())
print(int.from_bytes(b"\xff\xfe", "big"), int.from_bytes(b"\xff\xfe", "little", signed=True), int.from_bytes([1, 0], "big"))
a = bytearray(b"hello")
a[0] = 72
a.append(33)
a.extend(b" ab")
a.extend([99, 100])
a.insert(0, 62)
a.insert(-1, 45)
print(a, a.pop(), a.pop(0), len(a))
a.remove(ord("a"))
del a[0]
del a[-3:]
a[1:3] = b"EL"
a[::2] = bytes(len(a[::2]))
print(a)
a[2:2] = [1, 2, 3]
a += b"++"
a *= 2
print(a, a.copy() == a, a.copy() is a)
a.reverse()
print(a)
a.clear()
print(a, len(a))
