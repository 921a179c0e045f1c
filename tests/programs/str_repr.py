# repr() and str() of strings and containers holding strings.
samples = ["plain", "it's", 'say "hi"', "both ' \"", "tab\t", "nl\n", "cr\r", "bs\\", "\x00\x07", "caf\u00e9", "", " "]
for s in samples:
    print(repr(s), len(s))
print(["a", 'b"c', "d'e"])
print(("x",), ("x", "y"))
print({"key": "value", "q'": 'r"'})
print(str("abc"), str(["abc"]), repr(["abc"]))
print(repr(repr("x")), str(repr(5)), repr(str(5)))
nested = [["a", 1], ("b", 2.5), {"c": None}]
print(nested, repr(nested) == str(nested))
