# A generator that calls next() on itself while running: ValueError.
def self_next():
    yield "start"
    yield next(me)

me = self_next()
print(next(me))
print(next(me))
