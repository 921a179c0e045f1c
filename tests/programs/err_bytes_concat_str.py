# bytes and str do not mix.
print(b"abc" + b"def")
print(b"abc" + "def")
