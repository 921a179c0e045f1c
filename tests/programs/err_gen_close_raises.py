# An exception raised in a generator's finally during close() propagates out of close().
def g():
    try:
        yield 1
    finally:
        raise LookupError("cleanup failed")

gen = g()
print(next(gen))
gen.close()
