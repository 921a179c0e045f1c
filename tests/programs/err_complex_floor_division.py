# complex has no floor division or modulo.
z = 7 + 1j
print(z * 2)
print(z // 2)
