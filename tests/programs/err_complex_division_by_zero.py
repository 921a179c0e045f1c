# complex division by zero raises ZeroDivisionError with complex's message.
def ratio(a, b):
    return a / b

print(ratio(1 + 1j, 2j))
print(ratio(3 - 4j, 0))
