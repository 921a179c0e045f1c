# **kwargs parameters: what lands in the dict, its order, and how it combines with
# positional-only, keyword-only, defaults and *args.
def collect(**kw):
    return kw

print(collect())
print(collect(a=1, b=2))
print(collect(z=1, a=2, m=3))

def mixed(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw

print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6, f=7))
print(mixed(a=1, c=2, b=3, zz=0))

def posonly(a, b, /, **kw):
    return a, b, kw

print(posonly(1, 2, a=3, b=4))

def fresh(**kw):
    kw["touched"] = True
    return kw

shared = {"x": 1}
print(fresh(**shared), shared)
print(fresh(**shared) is shared)

class Config:
    def __init__(self, name, **options):
        self.name = name
        self.options = options
    def get(self, key, default=None):
        return self.options.get(key, default)

c = Config("db", host="localhost", port=5432)
print(c.name, c.options, c.get("port"), c.get("user", "nobody"))

class Derived(Config):
    def __init__(self, **options):
        super().__init__("derived", **options)

print(Derived(level=3).options)

def outer(**kw):
    def inner():
        return sorted(kw.items())
    return inner

print(outer(b=2, a=1)())

lam = lambda *a, **k: (a, k)
print(lam(1, 2, x=3))

def keys_only(**kw):
    return list(kw)

total = 0
for i in range(2000):
    total += len(keys_only(a=i, b=i)) + collect(v=i)["v"]
print(total)
