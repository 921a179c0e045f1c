# bytearray is mutable, so it cannot be a dict key.
print({b"frozen": 1})
print({bytearray(b"mutable"): 1})
