# complex numbers have no order.
print(sorted([1, 2.5, 3]))
print(1j == 1j, 1j != 2j)
print(sorted([2j, 1j]))
