# try/finally inside generators: the finally runs at exhaustion, at close, on errors.
def tracked(name, n):
    print("  enter", name)
    try:
        for i in range(n):
            yield name + str(i)
    finally:
        print("  finally", name)

print(list(tracked("full", 3)))

g = tracked("closed", 5)
print(next(g), next(g))
g.close()

def raises_midway():
    try:
        yield 1
        raise ValueError("midway")
    finally:
        print("  finally before the error leaves")

r = raises_midway()
next(r)
try:
    next(r)
except ValueError as e:
    print("caught", e)

def nested_finally():
    try:
        try:
            yield "inner"
        finally:
            print("  inner finally")
        yield "between"
    finally:
        print("  outer finally")

print(list(nested_finally()))
n = nested_finally()
next(n)
n.close()
n2 = nested_finally()
next(n2)
next(n2)
n2.close()

def finally_with_return():
    try:
        yield 1
        return "value"
    finally:
        print("  finally on return")

fr = finally_with_return()
next(fr)
try:
    next(fr)
except StopIteration as e:
    print("returned", e.value)

def yield_in_except():
    try:
        raise KeyError("k")
    except KeyError:
        yield "yielded from except"
        print("  still in except after resume")
    finally:
        print("  finally")
    yield "after"

print(list(yield_in_except()))

# An explicit for loop with break, then an explicit close.
t = tracked("broken", 10)
for v in t:
    if v == "broken2":
        break
print("broke at", v)
t.close()
print("end")
