# Constructor builtins used as conversions.
print(int("7") + int(7.9) + int(True), float("1.5") * 2, str(1.5) + str(2), bool([]), bool([0]))
print(list("hey"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list({"a": 1}.items()))
print(tuple([1, 2]), tuple("ab"), tuple(range(2)), tuple({"k": 0}))
print(dict([("a", 1), ("b", 2)]), dict([(1, 2)]), dict({"x": 1}), dict(zip("ab", [1, 2])), dict(one=1, two=2))
print(str([1, "a"]), str((1,)), str({"k": [1]}), str(None), str(-0.0), str(10 ** 20))
print(repr(1), repr("1"), repr([1, "1"]), repr((1.5,)), repr({1: "1"}), repr(None), repr(True))
print(int("-0"), float("-0"), int(float("3.0")), float(int("3")))
vals = [0, 1, -1, 0.0, 2.5, "", "0", "False", [], [[]], (), {}, None]
print([bool(v) for v in vals])
print([str(v) for v in [1, 2.0, True, None, "s"]])
print(list(str(12345)), int("".join(["1", "2", "3"])) * 2)
print(float(" -12.5e1 "), int(" -12 "), str(float(1)), str(int(1.0)))
print(sorted(dict(zip([3, 1, 2], "cab")).items()))
