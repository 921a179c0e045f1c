# Tier 2: values whose types change in the middle of hot loops, so that type
# guards in traces fail and the loops must re-specialize.

# int -> float -> str concatenation on the same variable.
v = 0
log = []
for i in range(9000):
    if i < 3000:
        v = v + i
    elif i < 6000:
        if i == 3000:
            v = float(v)
        v = v + 0.5
    else:
        if i == 6000:
            v = str(v)[:6]
        if len(v) < 40:
            v = v + str(i % 10)
        else:
            v = v[:10]
    if i % 750 == 0 or i in (2999, 3000, 5999, 6000):
        log.append(v)
for item in log:
    print("v", type(item).__name__, item)


# A list that becomes a tuple (and then a str) mid-loop.
seq = [3, 1, 4, 1, 5, 9, 2, 6]
acc = 0
for i in range(9000):
    if i <= 6000:
        acc += seq[i % 8] + len(seq)
    else:
        acc += seq[i % 8] + seq[len(seq) - 1]
    if i == 3000:
        seq = tuple(seq)
    if i == 6000:
        seq = "31415926"
        acc = str(acc)
    if i > 6000:
        acc = acc[-12:]
    if i % 1500 == 0:
        print("seq", i, type(seq).__name__, acc)
print("seq final", acc)


# Iterating over a container whose type changes mid-loop.
def total_of(c):
    t = 0
    for x in c:
        t += x
    return t


cont = [1, 2, 3]
acc = 0
for i in range(6000):
    acc += total_of(cont)
    if i == 1500:
        cont = (4, 5, 6)
    if i == 3000:
        cont = range(5)
    if i == 4500:
        cont = {1: "a", 10: "b"}
print("total_of", acc)


# An object attribute whose type changes.
class Holder:
    def __init__(self):
        self.val = 1


hd = Holder()
acc = 0
for i in range(8000):
    hd.val = hd.val * 2 % 1009 if i < 2000 else hd.val
    if i == 2000:
        hd.val = 1.25
    if i == 4000:
        hd.val = True
    if i == 6000:
        hd.val = None
    if hd.val is not None:
        acc = acc + hd.val
    if i % 1000 == 0:
        print("holder", i, type(hd.val).__name__, acc)
print("holder total", acc)


# An int accumulator mixing with floats, then back to ints via int().
acc = 0
for i in range(8000):
    if i % 3 == 0:
        acc += 1.5
    else:
        acc += i
    if i % 1000 == 999:
        acc = int(acc)
        print("mix", i, acc)
print("mix final", acc, type(acc).__name__)


# Bool and int mixing: True behaves as 1.
b = 0
for i in range(5000):
    b += i % 7 == 0
    b += (i & 1) == 1
print("bool mix", b)


# Comparisons that switch between int, float and mixed operands.
lo = 0
hi = 0
for i in range(9000):
    if i < 3000:
        x = i
    elif i < 6000:
        x = i * 0.5
    else:
        x = i % 2 == 0 and i or i / 4
    if x < 2000:
        lo += 1
    else:
        hi += 1
print("compare", lo, hi)


# A local that is an int on even iterations and a float on odd ones (trace
# exits every iteration once the pattern starts).
s = 0
for i in range(6000):
    if i < 3000:
        t = i
    else:
        t = i if i % 2 == 0 else i + 0.25
    s = s + t * 2
print("alternate", s)


# Strings vs ints in the same binary operation.
def dbl(x):
    return x + x


outs = []
for i in range(6000):
    if i < 2000:
        r = dbl(i)
    elif i < 4000:
        r = dbl("abc"[i % 3])
    else:
        r = dbl([i % 3])
    if i % 500 == 0:
        outs.append(r)
print("dbl", outs)


# Negative, zero and float indices/floor division changing mid-loop.
vals = []
x = 17
for i in range(7000):
    if i == 3500:
        x = -17.0
    q = (x + i) // 7 + (x - i) % 5
    if i % 700 == 0:
        vals.append(q)
print("floordiv", vals)


# A dict value whose type changes.
d = {"k": 0}
for i in range(6000):
    d["k"] = d["k"] + 1
    if i == 2000:
        d["k"] = float(d["k"])
    if i == 4000:
        d["k"] = int(d["k"]) * 1000000000000
print("dict val", d["k"], type(d["k"]).__name__)
