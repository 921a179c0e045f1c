# Bitwise ops and shifts of small ints, specialized in tier 1 and inlined in traces:
# the results, and the deopts (big results, negative counts), equal CPython's.
vals = [0, 1, -1, 5, -6, 123456789, -987654321, 2**61, -(2**62), 2**62 - 1, 7]
counts = [0, 1, 3, 8, 31, 62, 63, 64, 100, 200]
def run():
    acc = 0
    out = []
    for k in range(3):
        for a in vals:
            for b in vals:
                acc ^= (a & b) ^ (a | b)
                acc = (acc * 31 + (a ^ b)) & 0xFFFFFFFFFFFF
            for n in counts:
                out.append(a >> n)
                out.append(a << n)
                a2 = a
                a2 >>= 1
                a2 <<= 2
                a2 &= 0xFFFF
                a2 |= 3
                a2 ^= 5
                out.append(a2)
    return acc, out
for _ in range(30):
    r = run()
print(r[0], sum(r[1]), len(r[1]), r[1][:30])
for bad in [(1, -1), (5, -3)]:
    for op in ("rs", "ls"):
        try:
            print(bad[0] >> bad[1] if op == "rs" else bad[0] << bad[1])
        except ValueError as e:
            print("ValueError", e)
def shifty(n):
    t = 0
    for i in range(2000):
        t += (i << n) >> 3
    return t
print(shifty(2), shifty(70), shifty(0))
try:
    shifty(-1)
except ValueError as e:
    print(e)
print(True & 3, True | False, 6 ^ True)
