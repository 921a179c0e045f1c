# Identity of floats that compiled code keeps unboxed: a float is one object wherever
# it is written (a list, a local, a container test), as in CPython.
def appended():
    n = 0
    lst = []
    for i in range(3000):
        x = i * 0.5 + 0.25
        y = x
        lst.append(x)
        if lst[-1] is x and x is y:
            n += 1
    return n


def nan_containment():
    m = 0
    for i in range(3000):
        nan = (i + 1.0) * float("inf") * 0.0
        if nan in [nan] and nan in (nan, 1.0):
            m += 1
        if nan == nan:
            m -= 1000
    return m


def pairs():
    same = 0
    for i in range(3000):
        a = i * 1.5
        t = (a, a)
        if t[0] is t[1]:
            same += 1
    return same


print(appended())
print(nan_containment())
print(pairs())
