# Higher-order functions using lambdas and plain functions.
def my_map(fn, items):
    out = []
    for it in items:
        out.append(fn(it))
    return out
def my_filter(pred, items):
    return [it for it in items if pred(it)]
def my_reduce(fn, items, init):
    acc = init
    for it in items:
        acc = fn(acc, it)
    return acc
nums = list(range(1, 11))
print(my_map(lambda x: x * x, nums))
print(my_filter(lambda x: x % 3 == 0, nums))
print(my_reduce(lambda a, b: a + b, nums, 0), my_reduce(lambda a, b: a * b, nums, 1))
print(my_reduce(lambda a, b: a if a > b else b, [3, 9, 2, 7], 0))
people = [{"name": "Zed", "age": 40}, {"name": "amy", "age": 22}, {"name": "Bob", "age": 31}]
print([p["name"] for p in sorted(people, key=lambda p: p["age"])])
print([p["name"] for p in sorted(people, key=lambda p: p["name"].lower())])
print(max(people, key=lambda p: p["age"])["name"], min(people, key=lambda p: len(p["name"]))["name"])
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "pow": lambda a, b: a ** b}
for name in ["add", "sub", "pow"]:
    print(name, ops[name](2, 10))
fns = [lambda x: x + 1, lambda x: x * 2, lambda x: -x]
v = 5
for fn in fns:
    v = fn(v)
print(v)
print((lambda: "no args")(), (lambda x, y=2: x * y)(4))
