# assert statements.
def check_positive(n):
    assert n > 0, "expected positive, got " + str(n)
    return n
for v in [3, 0, -2, 10]:
    try:
        print("ok", check_positive(v))
    except AssertionError as e:
        print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
try:
    assert 1 == 2, ("tuple", "message")
except AssertionError as e:
    print("tuple message:", e.args)
assert True, "never shown"
assert [1], "non-empty list is truthy"
count = 0
for i in range(100):
    try:
        assert i % 7 != 0, i
    except AssertionError as e:
        count += 1
        last = e.args[0]
print("failed", count, "last", last)
