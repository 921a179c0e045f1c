# async for over an object without __aiter__: TypeError.
async def main():
    async for x in [1, 2, 3]:
        print(x)

m = main()
m.send(None)
