# Aliasing, identity, mutable default arguments.
a = [1, 2, 3]
b = a
c = list(a)
print(a is b, a is c, a == c)
b.append(4)
print(a, b, c)
def add_item(item, target=[]):
    target.append(item)
    return target
print(add_item(1), add_item(2), add_item(3, []), add_item(4))
def fresh(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(fresh(1), fresh(2))
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
orig = ["orig"]
ret = mutate(orig)
print(orig, ret)
x = [[0]] * 3
x[0].append(1)
print(x, x[0] is x[2])
outer = [a, a]
a.append(5)
print(outer)
d = {"k": a}
d["k"].append(6)
print(a, d)
