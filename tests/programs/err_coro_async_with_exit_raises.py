# An exception raised by __aexit__ replaces the body's and escapes the coroutine.
class R:
    async def __aenter__(self):
        return self
    async def __aexit__(self, exc_type, exc, tb):
        raise LookupError("from aexit with " + exc_type.__name__)

async def main():
    async with R():
        raise ValueError("body")

main().send(None)
