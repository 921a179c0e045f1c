# Awaiting something that is not awaitable: TypeError.
async def main():
    print("awaiting an int")
    await 5

m = main()
m.send(None)
