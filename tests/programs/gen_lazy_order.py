# Execution order: a generator's body runs only on demand, interleaved with the caller.
def trace(name, n):
    print("start", name)
    for i in range(n):
        print(name, "about to yield", i)
        yield i
        print(name, "resumed after", i)
    print("end", name)

g = trace("g", 2)
print("created g")
for v in g:
    print("caller got", v)
print("---")

# Arguments are evaluated at call time, the body later.
def arg(v):
    print("evaluating arg", v)
    return v

def gen_with_args(a, b):
    print("body sees", a, b)
    yield a + b

ga = gen_with_args(arg(1), arg(2))
print("call returned")
print(next(ga))
print("---")

# Two generators interleaved by the caller.
a = trace("a", 2)
b = trace("b", 2)
print(next(a))
print(next(b))
print(next(a))
print(next(b))
print(next(a, "a done"))
print(next(b, "b done"))
print("---")

# Default arguments are evaluated once, when the function is defined.
def defaults(n=arg(3)):
    yield n

print(list(defaults()), list(defaults(4)))
