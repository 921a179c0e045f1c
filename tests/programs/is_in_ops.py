# is / is not / in / not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, None is None, None is not None)
print(1 in [1, 2], 3 in [1, 2], 3 not in [1, 2], "a" in "cat", "at" in "cat", "ta" not in "cat")
print(2 in (1, 2), (1, 2) in [(1, 2)], [1] in [[1], [2]], 1.0 in [1], True in [1])
print("k" in {"k": 1}, 1 in {"k": 1}, "k" not in {}, 5 in range(10), 10 in range(10))
x = None
print(x is None, type(x) is type(None), type(1) is int, type("s") is str, type([]) is list)
print(type(1.0) is float, type(True) is bool, type(True) is int, type((1,)) is tuple, type({}) is dict)
t = True
print(t is True, (1 == 1) is True, (1 == 2) is False)
