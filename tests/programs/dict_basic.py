# Dict basics.
d = {}
d["one"] = 1
d["two"] = 2
d["three"] = 3
print(d, len(d))
print(d["two"], d.get("two"), d.get("four"), d.get("four", 4), "one" in d, "four" in d, "x" not in d)
d["one"] = 100
print(d)
del d["two"]
print(d, len(d))
d["two"] = 22
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("three"), d, d.pop("missing", "dflt"))
print(d.setdefault("one", -1), d.setdefault("new", []), d)
d.setdefault("new", []).append(5)
print(d)
e = {"a": 1, "b": 2}
f = {"b": 2, "a": 1}
print(e == f, e != {"a": 1}, dict(), dict([("x", 1), ("y", 2)]), dict(k=1, j=2))
try:
    print(d["nope"])
except KeyError as err:
    print("KeyError:", err, repr(err))
try:
    del d["nope"]
except KeyError as err:
    print("KeyError on del:", err)
try:
    d.pop("nope")
except KeyError as err:
    print("KeyError on pop:", err)
g = dict(e)
g["c"] = 3
print(e, g)
print({1: "a", 2: "b"}[2], {(1, 2): "tuple key"}[(1, 2)], {}.get(1))
print(str({"s": "q", 1: [1, 2], None: (3,)}))
print(len({}), bool({}), bool({0: 0}))
