# Resuming a coroutine that already finished: RuntimeError.
async def main():
    return "done"

m = main()
try:
    m.send(None)
except StopIteration as e:
    print("result:", e.value)
m.send(None)
