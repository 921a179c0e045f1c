# Producer/consumer coroutines communicating through a channel with blocking get().
class WaitFor:
    def __init__(self, reason):
        self.reason = reason
    def __await__(self):
        yield self.reason

class Channel:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
        self.closed = False
    async def put(self, item):
        while len(self.items) >= self.capacity:
            await WaitFor("full")
        self.items.append(item)
    async def get(self):
        while not self.items:
            if self.closed:
                return None
            await WaitFor("empty")
        return self.items.pop(0)

async def producer(ch, n):
    for i in range(n):
        await ch.put(i * i)
        print("put", i * i)
    ch.closed = True
    return "produced " + str(n)

async def consumer(ch):
    got = []
    while True:
        v = await ch.get()
        if v is None:
            return got
        print("got", v)
        got.append(v)

def run_all(coros):
    tasks = list(coros)
    results = [None] * len(tasks)
    waits = {}
    active = list(range(len(tasks)))
    while active:
        still = []
        for i in active:
            try:
                reason = tasks[i].send(None)
            except StopIteration as e:
                results[i] = e.value
                continue
            waits[reason] = waits.get(reason, 0) + 1
            still.append(i)
        active = still
    return results, waits

ch = Channel(2)
results, waits = run_all([producer(ch, 6), consumer(ch)])
print(results)
print(sorted(waits.items()))
