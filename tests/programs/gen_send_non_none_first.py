# Sending a non-None value to a just-started generator is a TypeError; the generator is unharmed.
def g():
    print("body runs")
    x = yield 1
    yield "got " + str(x)

gen = g()
try:
    gen.send(5)
except TypeError as e:
    print("TypeError:", e)
print("running:", gen.gi_running)
print(gen.send(None))
print(gen.send(5))

# The same check applies when the generator has not run yet after a failed send.
gen2 = g()
for attempt in [1, "x", [2]]:
    try:
        gen2.send(attempt)
    except TypeError as e:
        print("attempt", attempt, "->", e)
print(next(gen2))

# Once exhausted, sending anything just raises StopIteration.
def one():
    yield 1
o = one()
print(list(o))
try:
    o.send("late")
except StopIteration:
    print("StopIteration after exhaustion")
