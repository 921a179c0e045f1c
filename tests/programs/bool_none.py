# bool and None semantics.
print(True, False, None, repr(True), str(None))
print(True and False, True or False, not True, not None, not 0, not "")
print(True == 1, False == 0, True is True, None is None, None == None, None != 0)
print(True + 1, True * 3.5, isinstance(True, int), type(True).__name__, type(None).__name__)
for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {"k": 1}, None, True, False, range(0), range(2)]:
    print(repr(v), bool(v), "truthy" if v else "falsy")
print(bool(), bool(None), bool(2 ** 100))
x = None
if x is None:
    print("x is None")
if x is not None:
    print("unexpected")
def nothing():
    pass
def implicit(a):
    if a:
        return a
print(nothing(), implicit(0), implicit(5))
print(sum([True, True, False, True]), max(False, True), [True] * 3)
print(str(True) + "!", str(False).upper(), 1 if True else 2, int(True) + int(False))
print(None or "default", 0 or None, "" or [] or 0, 5 and 0, 5 and 6)
