a = {1: 2, 3: 4}
b = {3: 30, 5: 50}
print({**a}, {**a, **b}, {0: 0, **a, 3: 33, **b, 9: 9})
class M:
    def keys(self): return ["x", "y"]
    def __getitem__(self, k): return k * 2
print({**M(), "z": 1})
try:
    print({**1})
except TypeError as e:
    print(e)
try:
    print({**[(1, 2)]})
except TypeError as e:
    print(e)
print({**{i: i for i in range(40)}, **{i: -i for i in range(20, 60)}})
