# Awaiting objects with __await__: returning iterators, generators, and values.
class Ready:
    # __await__ returns an iterator that finishes immediately with a value.
    def __init__(self, value):
        self.value = value
    def __await__(self):
        return ReadyIter(self.value)

class ReadyIter:
    def __init__(self, value):
        self.value = value
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(self.value)

class TwoSteps:
    # __await__ returns a list iterator: its items are yielded to the driver.
    def __await__(self):
        return iter(["step-1", "step-2"])

class GenAwait:
    # __await__ is a generator function: it can yield to the driver and return a value.
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            got = yield "tick " + str(i)
            print("  awaitable resumed with", got)
        return "gen result " + str(self.n)

async def main():
    a = await Ready("immediate")
    print("  a =", a)
    b = await TwoSteps()
    print("  b =", b)
    c = await GenAwait(2)
    print("  c =", c)
    return a, b, c

co = main()
value = None
step = 0
while True:
    try:
        yielded = co.send(value)
    except StopIteration as e:
        print("finished:", e.value)
        break
    print("driver got", yielded)
    step += 1
    # A list iterator has no send(): only None (plain next()) may be sent to it.
    value = None if yielded.startswith("step") else "resume " + str(step)

# The awaitable object can be awaited more than once: each await calls __await__ again.
async def twice(aw):
    x = await aw
    y = await aw
    return x, y

def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

print(run(twice(Ready(7))))
print(run(twice(GenAwait(1))))

# A subclass inherits __await__.
class Inherited(Ready):
    pass
print(run(twice(Inherited("from base"))))
