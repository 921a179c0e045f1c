# Closures made in a loop see the variable's final value (late binding); a default
# argument captures the value at definition time.
fs = []
for i in range(4):
    def f():
        return i
    fs.append(f)
print([f() for f in fs])

def make_all():
    out = []
    for i in range(4):
        out.append(lambda: i * 10)
    i = 99
    return out
print([f() for f in make_all()])

def make_bound():
    out = []
    for i in range(4):
        out.append(lambda i=i: i * 10)
    return out
print([f() for f in make_bound()])

def while_loop():
    out = []
    n = 0
    while n < 3:
        out.append(lambda: n)
        n += 1
    return out
print([f() for f in while_loop()])
