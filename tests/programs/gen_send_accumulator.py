# Generators as consumers driven by send(): running averages, a state machine, a router.
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = averager()
next(avg)
for v in [10, 20, 30, 5]:
    print("average", avg.send(v))

def prime(gen):
    next(gen)
    return gen

def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)

def printer(prefix):
    while True:
        line = yield
        print(prefix, line)

def counter(results):
    while True:
        line = yield
        results.append(len(line))

lengths = []
sinks = [prime(printer("match:")), prime(counter(lengths))]

def broadcast(targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)

pipe = prime(grep("py", prime(broadcast(sinks))))
for line in ["python rocks", "rust too", "pypy is fast", "cpython is the spec", "nothing"]:
    pipe.send(line)
print("lengths", lengths)

def turnstile():
    state = "locked"
    log = []
    while True:
        event = yield state
        if event == "report":
            yield log
            continue
        if state == "locked" and event == "coin":
            state = "unlocked"
        elif state == "unlocked" and event == "push":
            state = "locked"
        log.append((event, state))

t = turnstile()
print(next(t))
for ev in ["push", "coin", "coin", "push", "push"]:
    print(ev, "->", t.send(ev))
print(t.send("report"))
print(next(t))
