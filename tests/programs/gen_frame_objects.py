# Frame objects of generators, coroutines and async generators: gi_frame and friends,
# f_lineno through a generator's life, f_locals (cells included, in CPython's order).

def numbers(start):
    total = start
    seen = [start]

    def last():
        return seen[-1]

    yield total
    step = 2
    while total < start + 5:
        total += step
        seen.append(total)
        yield last()
    return total


gen = numbers(10)
frame = gen.gi_frame
print(type(frame).__name__, frame is gen.gi_frame, gen.gi_frame is frame)
print("created", frame.f_lineno, frame.f_locals)
print(frame.f_code is numbers.__code__, frame.f_code.co_name, frame.f_globals is globals())
print(frame.f_back, frame.f_trace)
print(next(gen), frame.f_lineno, sorted(frame.f_locals))
print(next(gen), frame.f_lineno, frame.f_locals["step"], frame.f_locals["seen"])
locals_dict = frame.f_locals
print(locals_dict is frame.f_locals, list(locals_dict))
for value in gen:
    print("value", value, frame.f_lineno)
print("finished", gen.gi_frame, frame.f_lineno, frame.f_locals["total"])
text = repr(frame)
print(text[: text.index(" at ")], "gen_frame_objects.py'" in text, text.split(",")[2:])


def reads_its_own_frame():
    here = me.gi_frame
    yield here.f_lineno
    x = 1
    yield here.f_lineno, here.f_locals["x"]


me = reads_its_own_frame()
print(list(me))


def deleting():
    a = 1
    b = 2
    yield
    del a
    yield


d = deleting()
f = d.gi_frame
next(d)
print(f.f_locals)
next(d)
print(f.f_locals)


async def coro(n):
    m = n * 2
    return m


c = coro(3)
print(c.cr_frame.f_lineno, c.cr_frame.f_locals, c.cr_frame is c.cr_frame)
try:
    c.send(None)
except StopIteration as stop:
    print("returned", stop.value, c.cr_frame)


async def agen():
    k = 7
    yield k


a = agen()
af = a.ag_frame
print(af.f_lineno, af.f_locals)
try:
    a.asend(None).send(None)
except StopIteration as stop:
    print("yielded", stop.value, af.f_lineno, af.f_locals)
g2 = (x * x for x in range(3))
print(g2.gi_frame.f_code.co_name, sorted(g2.gi_frame.f_locals), next(g2), g2.gi_frame.f_locals["x"])
