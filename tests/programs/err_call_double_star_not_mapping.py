# A non-mapping after ** names the callee as CPython does.
def f(**kw):
    return kw

print(f(**{"a": 1}))
f(**[1, 2])
