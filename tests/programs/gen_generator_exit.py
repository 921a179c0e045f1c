# GeneratorExit: caught and handled inside the generator during close().
def handles_exit():
    try:
        yield "working"
    except GeneratorExit:
        print("  got GeneratorExit, cleaning up")
        raise

h = handles_exit()
next(h)
h.close()
print("closed cleanly")

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  returning from the GeneratorExit handler")
        return "ignored value"

r = returns_on_exit()
next(r)
print("close() ->", r.close())

def converts_exit():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("raised while closing")

c = converts_exit()
next(c)
try:
    c.close()
except ValueError as e:
    print("close() propagated:", e)

# GeneratorExit is a BaseException, not an Exception.
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))

def except_exception_does_not_catch():
    try:
        yield 1
    except Exception:
        print("  never printed")
    finally:
        print("  finally still runs")

x = except_exception_does_not_catch()
next(x)
x.close()
print("after close")

# throw(GeneratorExit) behaves like an exception thrown in: it propagates out.
def t():
    try:
        yield 1
    except GeneratorExit as e:
        print("  handler sees", type(e).__name__, e.args)
        raise

tg = t()
next(tg)
try:
    tg.throw(GeneratorExit)
except GeneratorExit:
    print("throw(GeneratorExit) re-raised GeneratorExit")
print(next(tg, "finished"))

# A loop in the generator that catches GeneratorExit and breaks out.
def loop_gen():
    n = 0
    while True:
        try:
            yield n
        except GeneratorExit:
            print("  leaving loop at", n)
            break
        n += 1
    print("  after loop")

lg = loop_gen()
print(next(lg), next(lg), next(lg))
lg.close()
print("done")
