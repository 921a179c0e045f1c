# Functions as values: dispatch tables, rebinding.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
def mul(a, b):
    return a * b
table = {"+": add, "-": sub, "*": mul}
for expr in ["3 + 4", "10 - 7", "6 * 7", "2 * 21"]:
    a, op, b = expr.split()
    print(expr, "=", table[op](int(a), int(b)))
funcs = [add, sub, mul]
print([f(10, 3) for f in funcs])
print(len(funcs), funcs[0] is add, funcs[1] is not add)
alias = add
print(alias(1, 2), alias is add)
def add(a, b):
    return "redefined"
print(add(1, 2), alias(1, 2), table["+"](1, 2))
def call_with(fn, *args):
    return fn(*args)
print(call_with(mul, 6, 7), call_with(len, "abc"), call_with(max, 3, 9, 4))
def pick(name):
    if name == "len":
        return len
    if name == "abs":
        return abs
    return str
print(pick("len")([1, 2, 3]), pick("abs")(-4), pick("other")(5) + "!")
