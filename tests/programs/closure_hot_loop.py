# A hot loop calling a closure: tier 2 follows the call into the closure.
def make_adder(n):
    def add(x):
        return x + n
    return add

add = make_adder(3)
total = 0
for i in range(200000):
    total = add(total)
print(total)

def run():
    step = make_adder(-1)
    acc = 1000000
    for i in range(100000):
        acc = step(acc)
    return acc
print(run())

def scale_all(values, factor):
    mul = lambda v: v * factor
    out = 0
    for v in values:
        out += mul(v)
    return out
print(scale_all(range(100000), 3))
