# Indexing past the end of bytes.
data = b"xyz"
print(data[2])
print(data[3])
