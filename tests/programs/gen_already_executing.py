# A generator re-entering itself raises ValueError "generator already executing".
def reenter_next():
    yield next(me)

me = reenter_next()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(next(me, "finished after the error"))

def reenter_send():
    try:
        sender.send(None)
    except ValueError as e:
        print("inside:", e)
    yield "continued"

sender = reenter_send()
print(next(sender))

def reenter_throw():
    try:
        thrower.throw(KeyError("k"))
    except ValueError as e:
        print("throw inside:", e)
    yield "after throw attempt"

thrower = reenter_throw()
print(next(thrower))

def reenter_close():
    try:
        closer.close()
    except ValueError as e:
        print("close inside:", e)
    yield "after close attempt"

closer = reenter_close()
print(next(closer))

# Re-entering through yield from: the outer generator is executing too.
def inner():
    yield "inner value"
    outer_gen.send(None)
    yield "unreachable"

def outer():
    yield from inner()

outer_gen = outer()
print(next(outer_gen))
try:
    next(outer_gen)
except ValueError as e:
    print("via yield from:", e)

# gi_running is True only while the body runs.
def watch():
    print("running inside:", w.gi_running)
    yield 1
    print("running inside again:", w.gi_running)

w = watch()
print("before:", w.gi_running)
next(w)
print("suspended:", w.gi_running)
next(w, None)
print("after:", w.gi_running)
