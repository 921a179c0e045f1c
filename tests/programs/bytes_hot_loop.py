# Hot loops over bytes and bytearray: indexing, iteration, item stores and appends in traces.
data = bytes(range(256)) * 40
counts = [0] * 4
for b in data:
    counts[b & 3] += 1
print(counts)
out = bytearray(len(data))
for i in range(len(data)):
    out[i] = data[i] ^ 0x5A
print(out[:8], sum(out) % 65521)
acc = bytearray()
for i in range(20000):
    acc.append((i * 7) & 0xFF)
print(len(acc), acc[-4:], acc.count(0), acc.find(b"\x07\x0e"))
