# A generator dropped unfinished runs its finally when it is collected.
# Everything order-independent comes first; the drops happen at the very end,
# and every finally prints the same line, so only the count matters.
def resource(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("resource released")

def consumer():
    g = resource(10)
    return next(g) + next(g)

a = resource(5)
print("a gives", next(a))
b = resource(5)
print("b gives", next(b), next(b))
c = resource(3)
print("c is fully consumed", list(c))
print("dropping a, b and the one inside consumer()")
del a
b = None
consumer()
