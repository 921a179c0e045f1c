# __await__ must return an iterator: TypeError otherwise.
class Bad:
    def __await__(self):
        return [1, 2]

async def main():
    await Bad()

m = main()
m.send(None)
