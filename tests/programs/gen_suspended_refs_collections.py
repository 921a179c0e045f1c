# Generators whose suspended frames hold the only references to fresh objects, resumed
# and suspended many times between collections, and across collections forced by
# allocation: every value must survive intact until the generator lets it go.


def keeper(n):
    held = [[i, str(i) * 3] for i in range(n)]
    pair = (object(), [n])
    for round_no in range(200):
        fresh = {"round": round_no, "items": [round_no] * 5}
        got = yield fresh
        if got is not None:
            held.append(got)
    yield len(held), held[-1], held[3], pair[1], fresh["items"][:2]


g = keeper(10)
total = 0
for step, value in enumerate(g):
    if isinstance(value, dict):
        total += value["round"] + sum(value["items"])
        # Garbage in between, to trigger collections while g is suspended.
        junk = [[k] * 3 for k in range(300)]
        if step % 7 == 0:
            try:
                g.send(["sent", step])
            except StopIteration:
                break
    else:
        print("final", value)
print("total", total)


class Inner:
    """An iterator whose throw() runs Python code that allocates, while the generator
    delegating to it (yield from) is neither in a frame nor finished."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

    def throw(self, *args):
        junk = [[i, [i]] for i in range(5000)]
        return sum(len(j) for j in junk)


def outer():
    mine = [str(k) * 4 for k in range(50)]
    result = yield from Inner()
    yield result, mine


o = outer()
print(next(o), next(o))
for _ in range(3):
    print("thrown", o.throw(ValueError))
print("mine kept", o.gi_frame.f_locals["mine"][:3] if o.gi_frame else None)


def chain(depth):
    local = [depth] * 3
    if depth:
        yield from chain(depth - 1)
    for i in range(3):
        yield local[i] + i


print(sum(chain(60)), list(chain(2)))
