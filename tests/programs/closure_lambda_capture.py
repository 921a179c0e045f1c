# Lambdas that capture: currying, composition, and lambdas returning lambdas.
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))

def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))

def make_ops():
    ops = {}
    for name, symbol in [("add", "+"), ("mul", "*")]:
        ops[name] = lambda a, b, symbol=symbol: eval_op(a, b, symbol)
    return ops
def eval_op(a, b, symbol):
    return a + b if symbol == "+" else a * b
ops = make_ops()
print(ops["add"](3, 4), ops["mul"](3, 4))

def power_table(n):
    return [lambda x, p=p: x ** p for p in range(n)]
print([f(2) for f in power_table(5)])

key = 3
data = [5, 1, 4, 2]
print(sorted(data, key=lambda v: abs(v - key)))
def by_distance(center):
    return sorted(data, key=lambda v: (abs(v - center), v))
print(by_distance(1), by_distance(5))
