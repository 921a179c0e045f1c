# Hot loops that read and write cells (LOAD_DEREF / STORE_DEREF in traces).
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    def read():
        return count
    return bump, read

bump, read = counter()
for i in range(150000):
    bump()
print(read())

def accumulate(n):
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(n):
        add(i)
    return total
print(accumulate(100000))

def loop_in_closure():
    hits = 0
    def work():
        nonlocal hits
        for i in range(100000):
            if i % 3 == 0:
                hits += 1
        return hits
    return work()
print(loop_in_closure())

def floats():
    acc = 0.0
    def add(v):
        nonlocal acc
        acc += v * 0.5
    for i in range(50000):
        add(i)
    return acc
print(floats())
