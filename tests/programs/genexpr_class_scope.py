# Genexprs in a class body: only the first iterable sees class-level names.
limit = "global limit"

class Config:
    limit = 3
    names = ["a", "b", "c", "d"]
    # The first iterable is evaluated in the class scope, so `names` and `limit` work here.
    first = list(n for n in names[:limit])
    # The element expression runs in the genexpr's own scope, which skips the class scope:
    # `limit` there is the global.
    seen = list(limit for n in range(2))
    try:
        broken = list(n for n in range(2) if n in names)
    except NameError as e:
        error = str(e)

print(Config.first)
print(Config.seen)
print(Config.error)
print(hasattr(Config, "broken"))

class Table:
    rows = [[1, 2], [3, 4]]
    flat = list(v for row in rows for v in row)
    total = sum(v for v in flat)
print(Table.flat, Table.total)

class Method:
    factor = 10
    def scaled(self, values):
        # Inside a method, class attributes are reached through self.
        return list(v * self.factor for v in values)
print(Method().scaled([1, 2, 3]))
