# and/or/not value semantics and short-circuiting.
print(0 or 5, 3 or 5, "" or "default", None or 0, [] or {}, 0 or "" or None)
print(0 and 5, 3 and 5, "a" and "b", None and crash, 1 and [] and 2)
print(not 0, not 1, not "", not "x", not None, not [], not [0])
calls = []
def t(name, val):
    calls.append(name)
    return val
r = t("a", 0) and t("b", 1)
print(r, calls)
calls = []
r = t("a", 1) or t("b", 1)
print(r, calls)
calls = []
r = t("a", 0) or t("b", 0) or t("c", "last")
print(r, calls)
calls = []
r = t("a", 1) and t("b", 2) and t("c", 3)
print(r, calls)
def get_name(name=None):
    return name or "anonymous"
print(get_name(), get_name(""), get_name("ann"))
config = {"depth": 0}
print(config.get("depth") or 10, config.get("width") or 20)
x = 5
print(x > 3 and x < 10, x > 3 and "yes" or "no", not x > 3 or x == 5)
print((True and 0) or "fallback", not (x == 5 and x != 6))
print(1 < 2 and 2 < 3, 1 < 2 or 1 / 0, 0 and 1 / 0)
