# f(**m) and f(*a, **m) calls: merging order, any mapping, forwarding wrappers.
def show(*args, **kwargs):
    return args, kwargs

d = {"x": 1, "y": 2}
print(show(**d))
print(show(0, **d))
print(show(*[1, 2], **d))
print(show(a=0, **d, z=3))
print(show(**{"p": 1}, **{"q": 2}, r=3))
print(show(*(1,), *[2], **{}, **d))

class Mapping:
    def __init__(self, data):
        self.data = data
    def keys(self):
        print("keys()")
        return list(self.data)
    def __getitem__(self, key):
        print("getitem", key)
        return self.data[key]

print(show(**Mapping({"m": 1, "n": 2})))

def target(a, b, c=3, *, d=4):
    return a, b, c, d

print(target(**{"a": 1, "b": 2}))
print(target(1, **{"b": 2, "d": 5}))
print(target(*[1, 2], **{"c": 9}))

def decorator(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper

@decorator
def add(x, y=10, *, scale=1):
    return (x + y) * scale

print(add(1))
print(add(1, 2, scale=3))
print(add(x=5, y=5))

print(dict(**d, w=0))
print("{a}-{b}".format(**{"a": 1, "b": 2}))
print(*["a", "b"], **{"sep": "+"})
print(sorted([3, 1, 2], **{"reverse": True}))

def order(tag):
    print("eval", tag)
    return {tag: tag}

print(show(order("first")["first"], **order("second"), third=order("third")["third"]))

def kw_loop(n):
    opts = {"scale": 2}
    total = 0
    for i in range(n):
        total += add.__wrapped__(i, **opts) if hasattr(add, "__wrapped__") else target(i, **{"b": 1})[1]
    return total

print(kw_loop(3000))
