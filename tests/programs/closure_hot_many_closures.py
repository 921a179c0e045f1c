# Many closures of one code object share a function version; a hot loop that calls
# them alternately must see each closure's own cell (never a promoted constant).
def make_adder(n):
    def add(x):
        return x + n
    return add

adders = [make_adder(k) for k in range(4)]
total = 0
for i in range(100000):
    total = adders[i % 4](total)
print(total)

def change_midway():
    state = 1
    def get():
        return state
    results = 0
    for i in range(100000):
        if i == 50000:
            state = 1000
        results += get()
    return results
print(change_midway())

def sequence():
    a = make_adder(1)
    b = make_adder(2)
    out = 0
    for i in range(60000):
        f = a if i < 30000 else b
        out = f(out)
    return out
print(sequence())
