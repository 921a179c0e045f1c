# An asynchronous comprehension outside an async function is a SyntaxError.
def f(agen):
    return [x async for x in agen]
print("never printed")
