# Free names pass through intermediate functions that do not use them.
def level1():
    a = "a1"
    def level2():
        b = "b2"
        def level3():
            c = "c3"
            def level4():
                return a + b + c
            return level4
        return level3
    return level2

f = level1()()()
print(f())
print(len(f.__closure__), [c.cell_contents for c in f.__closure__])
mid = level1()()
print(len(mid.__closure__))

def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x += 1
            return x
        return inner
    g = middle()
    g()
    g()
    return x, g()
print(outer())

def deep(n):
    def a():
        def b():
            def c():
                def d():
                    def e():
                        return n * 2
                    return e()
                return d()
            return c()
        return b()
    return a()
print(deep(21))
