# yield from passes send(), throw() and close() through to the delegate.
def inner():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError as e:
            print("  inner caught", e)
            total = -1
            continue
        if v is None:
            return total
        total += v

def outer():
    print("  outer start")
    r = yield from inner()
    print("  inner returned", r)
    yield "outer after " + str(r)

g = outer()
print(next(g))
print(g.send(5))
print(g.send(7))
print(g.throw(ValueError("reset")))
print(g.send(3))
print(g.send(None))
print(next(g, "end"))

# An exception the delegate does not handle propagates into the delegator.
def fragile():
    yield "f1"
    yield "f2"

def protective():
    try:
        yield from fragile()
    except KeyError as e:
        print("  delegator caught", e)
        yield "recovered"

p = protective()
print(next(p))
print(p.throw(KeyError("oops")))
print(next(p, "end"))

# close() closes the delegate first, then the delegator.
def inner_closing():
    try:
        yield "ic"
    except GeneratorExit:
        print("  delegate got GeneratorExit")
        raise

def outer_closing():
    try:
        yield from inner_closing()
    except GeneratorExit:
        print("  delegator got GeneratorExit")
        raise

oc = outer_closing()
next(oc)
oc.close()
print("both closed")

# send() to a yield from over a plain iterator: None works (next), other values fail.
def over_list():
    yield from [1, 2, 3]

ol = over_list()
print(next(ol), ol.send(None))
try:
    ol.send("x")
except AttributeError as e:
    print("AttributeError:", e)
print(next(ol, "generator finished after the error"))

# throw() into yield from a plain iterator raises in the delegator.
def over_iter():
    try:
        yield from iter("abc")
    except ValueError:
        yield "caught in delegator"

oi = over_iter()
print(next(oi), oi.throw(ValueError), next(oi, "end"))

# Three levels deep.
def level3():
    x = yield "l3"
    return "l3 got " + str(x)
def level2():
    r = yield from level3()
    return r + " via l2"
def level1():
    r = yield from level2()
    yield r + " via l1"

l = level1()
print(next(l))
print(l.send("deep value"))
