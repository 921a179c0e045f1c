# Messages of common builtin exceptions.
import math
five = 5
key = "x"
def show(label, fn):
    try:
        r = fn()
        print(label, "no error", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
show("list index", lambda: [1][3])
show("tuple index", lambda: (1, 2)[2])
show("str index", lambda: "ab"[5])
show("pop empty", lambda: [].pop())
show("dict key", lambda: {"a": 1}["b"])
show("dict int key", lambda: {}[42])
show("int parse", lambda: int("12a"))
show("int parse base", lambda: int("z", 16))
show("float parse", lambda: float("x.y"))
show("add types", lambda: 1 + "a")
show("add types2", lambda: "a" + 1)
show("sub types", lambda: "a" - "b")
show("mul types", lambda: [1] * 2.0)
show("len int", lambda: len(5))
show("call int", lambda: five())
show("index str", lambda: "abc"[key])
show("compare", lambda: 1 < "a")
show("sort mixed", lambda: sorted([3, "a", 1]))
show("attr none", lambda: None.foo)
show("attr int", lambda: (5).bar)
show("attr str", lambda: "s".nothing)
show("name", lambda: some_undefined_name)
show("list index value", lambda: [1, 2].index(3))
show("sqrt neg", lambda: math.sqrt(-1))
show("log zero", lambda: math.log(0))
show("unhashable", lambda: {[1]: 2})
show("chr range", lambda: chr(-1))
show("iter int", lambda: iter(5))
show("next exhausted", lambda: next(iter([])))
show("int of none", lambda: int(None))
show("overflow", lambda: int(float("inf")))
show("not subscriptable", lambda: five[0])
show("tuple has no append", lambda: (1,).append(2))
def assign_list():
    lst = [1]
    lst[4] = 0
def assign_str():
    s = "abc"
    s[0] = "x"
def assign_tuple():
    t = (1, 2)
    t[0] = 5
def del_missing():
    d = {"a": 1}
    del d["zz"]
show("list assign", assign_list)
show("str assign", assign_str)
show("tuple assign", assign_tuple)
show("del missing", del_missing)
show("too many args", lambda: assign_list(1))
