# Awaiting the same coroutine object twice: RuntimeError.
async def value():
    return 1

async def main():
    c = value()
    print("first await:", await c)
    print("second await:", await c)

m = main()
m.send(None)
