# A bytearray item must be in range(256).
a = bytearray(b"ok")
a[0] = 255
print(a)
a[1] = 256
