# An exception thrown into a suspended coroutine that does not handle it propagates.
class Pause:
    def __await__(self):
        yield "paused"

async def main():
    try:
        await Pause()
    finally:
        print("finally in coroutine")

m = main()
print(m.send(None))
m.throw(LookupError("thrown into coroutine"))
