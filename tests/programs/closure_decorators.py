# Decorators and decorator factories built from closures.
def trace(label):
    def decorate(fn):
        calls = 0
        def wrapper(*args):
            nonlocal calls
            calls += 1
            result = fn(*args)
            print(label, fn.__name__, args, "->", result, "call", calls)
            return result
        return wrapper
    return decorate

@trace("T")
def add(a, b):
    return a + b
add(1, 2)
add(3, 4)

def memoize(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return inner

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))

def repeat(times):
    def deco(fn):
        def run(x):
            for _ in range(times):
                x = fn(x)
            return x
        return run
    return deco

@repeat(3)
def double(x):
    return x * 2
print(double(5))

class Registry:
    def __init__(self):
        self.items = {}
    def register(self, name):
        def deco(fn):
            self.items[name] = fn
            return fn
        return deco
reg = Registry()
@reg.register("sq")
def square(v):
    return v * v
print(reg.items["sq"](9), sorted(reg.items))
