# A coroutine raising StopIteration: RuntimeError "coroutine raised StopIteration".
async def main():
    print("about to raise")
    raise StopIteration(1)

m = main()
m.send(None)
