# What a generator shows while a trace runs it and after: gi_running inside, the
# locals it keeps across yields, a collection while it is suspended holding the only
# references to fresh objects (garbage made to trigger one; gc stress makes many), and close() of one a trace left suspended.
def holder(n):
    i = 0
    while i < n:
        fresh = [i, str(i)]
        yield fresh
        assert fresh[0] == i
        i += 1


def watch():
    me = yield
    i = 0
    while True:
        yield me.gi_running
        i += 1


def run():
    total = 0
    g = holder(4000)
    for item in g:
        total += item[0] + len(item[1])
        if item[0] % 1000 == 0:
            junk = [[j, (j,)] for j in range(3000)]
            total += len(junk) - 3000
    w = watch()
    next(w)
    flags = w.send(w)
    seen = 0
    for f in w:
        seen += f
        if seen >= 3000:
            break
    w.close()
    h = holder(10)
    for item in h:
        if item[0] == 5:
            break
    h.close()
    return total, flags, seen, h.gi_frame


print(run())
