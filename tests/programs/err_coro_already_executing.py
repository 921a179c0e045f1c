# A coroutine that sends to itself while running: ValueError.
async def main():
    print("running")
    me.send(None)

me = main()
me.send(None)
