# A hot loop whose closure's cell changes while the trace runs: every call must read
# the cell's current contents.
def make():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_

get, set_ = make()
total = 0
for i in range(120000):
    if i % 1000 == 0:
        set_(i // 1000)
    total += get()
print(total)

def switching():
    cells = [make() for _ in range(3)]
    for k, (g, s) in enumerate(cells):
        s(k * 10)
    out = 0
    for i in range(90000):
        g, s = cells[i % 3]
        out += g()
    return out
print(switching())
