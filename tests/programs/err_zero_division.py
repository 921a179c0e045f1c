# Uncaught ZeroDivisionError from 1/0 after some output.
total = 0
for i in range(5):
    total += i
    print("step", i, total)
print("about to divide")
x = 1 / 0
print("not reached")
