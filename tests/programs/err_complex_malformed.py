# complex() of a string that is not a complex literal.
print(complex("1+2j"), complex(" (3-4j) "))
print(complex("1+2i"))
