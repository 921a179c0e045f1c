# send(): the first send(None), values of yield expressions, and send's return value.
def echo():
    print("started")
    received = yield "ready"
    while True:
        print("received", received)
        if received == "stop":
            return "stopped"
        received = yield "ack " + str(received)

g = echo()
print(g.send(None))
print(g.send(1))
print(g.send("two"))
print(next(g))
try:
    g.send("stop")
except StopIteration as e:
    print("finished with", e.value)
try:
    g.send("again")
except StopIteration as e:
    print("send to an exhausted generator: StopIteration", e.value)

def yields_values():
    x = yield 1
    print("x =", x)
    y = yield 2
    print("y =", y)

g = yields_values()
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("done, next() sends None")

def collect():
    items = []
    while True:
        item = yield len(items)
        if item is None:
            break
        items.append(item)
    return items

c = collect()
next(c)
for word in ["alpha", "beta", "gamma"]:
    print("count now", c.send(word))
try:
    c.send(None)
except StopIteration as e:
    print("collected", e.value)

# send() on a just-started generator with None is the same as next().
def simple():
    v = yield "first"
    yield "second got " + str(v)
s = simple()
print(s.send(None), "|", s.send(99))
