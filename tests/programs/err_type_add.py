# Uncaught TypeError from adding int and str.
a = 1
print("a is", a)
b = "a"
print("b is", repr(b))
c = a + b
print("not reached", c)
