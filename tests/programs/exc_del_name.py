# del on names, list items, dict keys and attributes.
x = 10
print(x)
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
x = "back"
print(x)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class Obj:
    pass
o = Obj()
o.attr = 5
o.other = 6
del o.attr
try:
    print(o.attr)
except AttributeError as e:
    print("AttributeError:", e)
print(o.other)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)
def local_del():
    v = 1
    del v
    return "deleted local"
print(local_del())
g = 1
def uses_g():
    return g
del g
try:
    uses_g()
except NameError as e:
    print("NameError:", e)
