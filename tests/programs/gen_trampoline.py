# Generators as lightweight tasks: a round-robin scheduler and a trampoline for deep calls.
def task(name, steps):
    for i in range(steps):
        print(name, "step", i)
        yield
    return name + " finished"

def run_all(tasks):
    queue = list(tasks)
    results = []
    while queue:
        t = queue.pop(0)
        try:
            next(t)
        except StopIteration as e:
            results.append(e.value)
        else:
            queue.append(t)
    return results

print(run_all([task("A", 3), task("B", 1), task("C", 2)]))

# A trampoline: generators yield sub-generators to "call" them, results are sent back.
def trampoline(root):
    stack = [root]
    value = None
    while stack:
        try:
            child = stack[-1].send(value)
        except StopIteration as e:
            stack.pop()
            value = e.value
            continue
        stack.append(child)
        value = None
    return value

def count_down(n):
    if n == 0:
        return 0
    r = yield count_down(n - 1)
    return r + 1

print(trampoline(count_down(5000)))

def fib(n):
    if n < 2:
        return n
    a = yield fib(n - 1)
    b = yield fib(n - 2)
    return a + b

print(trampoline(fib(15)))

# Tasks that communicate through a shared mailbox.
mailbox = []
def producer(n):
    for i in range(n):
        mailbox.append(i)
        print("produced", i)
        yield

def consumer(n):
    got = 0
    while got < n:
        if mailbox:
            v = mailbox.pop(0)
            print("consumed", v)
            got += 1
        yield
    return got

print(run_all([producer(3), consumer(3)]))
