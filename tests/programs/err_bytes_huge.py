# bytes(10**20) cannot be made: an OverflowError, as CPython gives.
print(len(bytes(10)))
print(bytes(10**20))
