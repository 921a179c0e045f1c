# nonlocal: counters with independent state, and a reset through a second closure.
def counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        old = count
        count = start
        return old
    return inc, reset

inc, reset = counter()
print(inc(), inc(), inc(5))
print(reset(), inc())
inc2, _ = counter(100)
print(inc2(), inc(), inc2(10))

def make_stack():
    items = []
    size = 0
    def push(v):
        nonlocal size
        items.append(v)
        size += 1
    def pop():
        nonlocal size
        size -= 1
        return items.pop()
    def length():
        return size
    return push, pop, length

push, pop, length = make_stack()
for i in range(4):
    push(i * i)
print(length(), pop(), pop(), length())
