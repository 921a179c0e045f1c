# close(): on suspended, just-started and exhausted generators; finally runs at close.
def worker(name):
    print("  ", name, "starts")
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("  ", name, "finally")

g = worker("a")
print(next(g))
print("close returns", g.close())
print("frame after close is None:", g.gi_frame is None)
print(next(g, "exhausted after close"))
print("second close returns", g.close())

# Closing a generator that never started: the body never runs, so no finally.
u = worker("unstarted")
print("close unstarted:", u.close())
print(list(u))

# Closing an exhausted generator does nothing.
e = worker("exhausted")
print(list(e))
print("close exhausted:", e.close())

# A generator without try/finally just stops.
def plain():
    yield "p1"
    yield "p2"
p = plain()
print(next(p))
p.close()
print(list(p))

# Closing a generator that is suspended inside yield from closes the inner one first.
def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    finally:
        print("  inner finally")

def outer():
    try:
        yield from inner()
    finally:
        print("  outer finally")

o = outer()
print(next(o))
o.close()
print("outer closed, frame None:", o.gi_frame is None)

# Closing from inside a for loop.
w = worker("loop")
for v in w:
    print("loop got", v)
    if v == 2:
        w.close()
print("loop ended")
