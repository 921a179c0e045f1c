# An exception raised deep inside nested calls propagates to the top.
def level(n):
    if n == 0:
        raise ValueError("raised at the bottom of the stack")
    return level(n - 1) + 1
def wrapper(n):
    print("wrapper", n)
    return level(n)
print("start")
try:
    wrapper(3)
except KeyError:
    print("wrong handler")
finally:
    print("finally before propagation")
print("not reached")
