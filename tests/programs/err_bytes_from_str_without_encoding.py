# bytes(str) needs an encoding.
print(bytes("abc", "ascii"))
print(bytes("abc"))
