# Closures in reference cycles, created and dropped many times (GC stress friendly).
def make_cycle(i):
    def self_ref():
        return self_ref, i
    return self_ref

total = 0
for i in range(3000):
    f = make_cycle(i)
    g, v = f()
    total += v
print(total)

def chain(n):
    head = None
    for i in range(n):
        prev = head
        head = (lambda p=prev, i=i: (p, i))
    count = 0
    node = head
    while node is not None:
        node, i = node()
        count += i
    return count
print(chain(2000))

holders = []
for i in range(500):
    def holder():
        return holders
    holders.append(holder)
print(len(holders), holders[-1]() is holders)
