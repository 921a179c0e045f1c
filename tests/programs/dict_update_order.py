# Insertion order rules.
d = {"a": 1, "b": 2, "c": 3}
d["a"] = 10
print(list(d))
del d["a"]
d["a"] = 11
print(list(d), d)
d.pop("b")
d["b"] = 22
print(d)
d.setdefault("z", 0)
d.setdefault("a", 999)
print(d)
e = {}
for i in range(10, 0, -1):
    e[i] = i * i
print(e)
for i in range(1, 11, 2):
    del e[i]
print(e)
for i in range(1, 4):
    e[i] = -i
print(e, list(e.keys())[0], list(e.values())[-1])
big = {}
for i in range(1000):
    big[i] = str(i)
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:])
for i in range(0, 1000, 3):
    big[i] = "back"
print(len(big), list(big)[660:670])
nested = {"outer": {"inner": {"leaf": [1, 2, {"deep": True}]}}}
print(nested["outer"]["inner"]["leaf"][2]["deep"], nested)
