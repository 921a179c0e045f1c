# Exceptions propagating through several calls; re-raising.
def level3(v):
    if v < 0:
        raise ValueError("negative: " + str(v))
    return v * 2
def level2(v):
    try:
        return level3(v) + 1
    finally:
        print("level2 cleanup", v)
def level1(v):
    r = level2(v)
    return r * 10
for v in [5, -1]:
    try:
        print("result", level1(v))
    except ValueError as e:
        print("caught at top:", e)
def reraiser():
    try:
        level3(-7)
    except ValueError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except ValueError as e:
    print("re-raised:", e)
def convert():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted from " + repr(e))
try:
    convert()
except ValueError as e:
    print(e)
def deep(n):
    if n == 0:
        raise IndexError("bottom reached")
    return deep(n - 1)
try:
    deep(50)
except IndexError as e:
    print("deep:", e)
def handler_raises():
    try:
        raise KeyError("first")
    except KeyError:
        raise TypeError("second")
try:
    handler_raises()
except TypeError as e:
    print("got", type(e).__name__, e)
class Thing:
    def explode(self):
        raise AttributeError("thing exploded")
    def call(self):
        return self.explode()
def method_chain():
    return Thing().call()
try:
    method_chain()
except AttributeError as e:
    print("from method:", e)
results = []
for i in range(6):
    try:
        try:
            if i % 2 == 0:
                raise ValueError(i)
            results.append(("ok", i))
        finally:
            results.append(("fin", i))
    except ValueError as e:
        results.append(("err", e.args[0]))
print(results)
