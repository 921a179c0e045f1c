# A round-robin scheduler of coroutines, using a custom awaitable that yields control.
class YieldControl:
    def __await__(self):
        yield

class Loop:
    def __init__(self):
        self.ready = []
        self.results = {}
        self.steps = 0
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready:
            name, coro = self.ready.pop(0)
            self.steps += 1
            try:
                coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print("  [loop]", name, "finished ->", e.value)
            except Exception as e:
                self.results[name] = "error: " + str(e)
                print("  [loop]", name, "failed ->", e)
            else:
                self.ready.append((name, coro))
        return self.results

async def pause():
    await YieldControl()

async def counter(name, n):
    for i in range(n):
        print(name, i)
        await pause()
    return name * n

async def failing(after):
    for i in range(after):
        await pause()
    raise ValueError("failed after " + str(after) + " steps")

async def summer(values):
    total = 0
    for v in values:
        total += v
        await YieldControl()
    return total

loop = Loop()
loop.spawn("a", counter("a", 3))
loop.spawn("b", counter("b", 1))
loop.spawn("f", failing(2))
loop.spawn("s", summer([1, 2, 3, 4]))
print(loop.run())
print("steps", loop.steps)

# Tasks that spawn more tasks.
loop2 = Loop()
async def parent(depth):
    if depth == 0:
        return "leaf"
    for i in range(2):
        loop2.spawn("child-" + str(depth) + "-" + str(i), parent(depth - 1))
        await pause()
    return "parent " + str(depth)

loop2.spawn("root", parent(2))
results = loop2.run()
print(sorted(results.items()))
