# Closures as callbacks to builtins: sorted keys, map, filter, min and max.
def sort_by(field):
    return lambda rec: rec[field]
records = [("bob", 30), ("amy", 25), ("cat", 35)]
print(sorted(records, key=sort_by(1)), sorted(records, key=sort_by(0)))

def above(limit):
    return lambda v: v > limit
print(list(filter(above(3), range(7))))
def times(k):
    return lambda v: v * k
print(list(map(times(4), [1, 2, 3])))
print(max(records, key=sort_by(1)), min(records, key=lambda r: len(r[0]) * r[1]))

handlers = {}
def on(event):
    def register(fn):
        handlers.setdefault(event, []).append(fn)
        return fn
    return register
@on("start")
def first():
    return "first"
@on("start")
def second():
    return "second"
print([h() for h in handlers["start"]])
