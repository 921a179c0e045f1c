# Forms of yield: bare yield, yield as an expression in different places, yield tuples.
def bare():
    yield
    yield

print(list(bare()))

def tuples():
    yield 1, 2
    yield (3, 4)
    a, b = yield "x", "y"
    print("  unpacked", a, b)

t = tuples()
print(next(t), next(t), next(t))
try:
    t.send((5, 6))
except StopIteration:
    print("done")

def in_expressions():
    x = (yield 1) + 10
    print("  x =", x)
    y = [(yield 2), (yield 3)]
    print("  y =", y)
    z = str((yield 4))
    print("  z =", repr(z))
    d = {"k": (yield 5)}
    print("  d =", d)
    if (yield 6):
        print("  truthy")
    else:
        print("  falsy")
    return (yield 7) * 2

g = in_expressions()
print(next(g))
print(g.send(1))
print(g.send("a"))
print(g.send("b"))
print(g.send(None))
print(g.send(42))
print(g.send(0))
try:
    g.send(21)
except StopIteration as e:
    print("returned", e.value)

def yield_in_call():
    print("  got", (yield "asking"), (yield "asking again"))

yc = yield_in_call()
print(next(yc), yc.send("one"))
try:
    yc.send("two")
except StopIteration:
    pass

def yield_in_loop_condition():
    n = 0
    while (yield n) != "stop":
        n += 1

yl = yield_in_loop_condition()
print(next(yl), yl.send("go"), yl.send("go"), yl.send("go"))
print(next(yl, "-"), next(yl, "-"))
try:
    yl.send("stop")
except StopIteration:
    print("stopped")

def yield_lambda_value():
    f = yield
    yield f(10)

yv = yield_lambda_value()
next(yv)
print(yv.send(lambda v: v * 3))

# yield inside nested try/except/else
def branches(values):
    for v in values:
        try:
            r = 10 // v
        except ZeroDivisionError:
            yield "zero"
        else:
            yield r
        finally:
            yield "end " + str(v)

print(list(branches([5, 0, 2])))
