def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed >> 8

def g2():
    yield 1
    return 42

def main():
    src = lcg(7)
    t = 0
    for i in range(300000):
        t += next(src) % 1000
    print(t)
    # exhaustion, with and without value, default
    for j in range(3):
        g = g2()
        print(next(g))
        try:
            next(g)
        except StopIteration as e:
            print("stop", e.args, e.value)
        try:
            next(g)
        except StopIteration as e:
            print("stop2", e.args)
        print(next(g, "dflt"))
    def bad():
        yield 1
        raise StopIteration("x")
    for j in range(2):
        b = bad()
        next(b)
        try:
            next(b)
        except RuntimeError as e:
            print("rt", e, type(e.__cause__).__name__)
    def boom():
        yield 1
        1/0
    for j in range(40):
        b = boom()
        next(b)
        try:
            next(b)
        except ZeroDivisionError as e:
            pass
    print("ok")
    def running():
        next(me)
        yield 1
    me = running()
    try:
        next(me)
    except ValueError as e:
        print(e)
main()


# next() resumes the generator in the same loop: tracebacks through it, gi_running and
# gi_frame while it runs, and a generator closed or finished between calls.
def inspect():
    print("running inside:", watched.gi_running, watched.gi_frame.f_lineno)
    yield "a"
    yield "b"


watched = inspect()
print(next(watched), watched.gi_running)
print(next(watched))
watched.close()
print(next(watched, "closed"))


def deep(n):
    if n:
        yield next(deep(n - 1)) + 1
    else:
        yield 0


print(next(deep(50)))


def fails():
    yield 1
    int("x")


f = fails()
next(f)
try:
    next(f)
except ValueError as e:
    print("ValueError:", e, f.gi_frame)


def hot_sum(n):
    counter = (i * i for i in range(n))
    total = 0
    for _ in range(n):
        total += next(counter)
    try:
        next(counter)
    except StopIteration:
        total += 1
    return total


print([hot_sum(k) for k in (0, 1, 5, 3000)])
next(deep(0), None)
print(next(iter([5])), next(iter(()), "empty"))
try:
    next(f)
except StopIteration as e:
    print("finished", e.args)
