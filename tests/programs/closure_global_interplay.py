# global and nonlocal together: a global declaration hides the enclosing binding.
total = 0
def outer():
    total = 100
    def add_global(v):
        global total
        total += v
        return total
    def add_local(v):
        nonlocal total
        total += v
        return total
    add_global(1)
    add_local(2)
    return total
print(outer(), total)

def layered():
    name = "enclosing"
    def middle():
        global name
        def inner():
            return name
        return inner()
    return middle()
name = "module"
print(layered())

def shadow():
    len = lambda s: "shadowed"
    def use():
        return len("abc")
    return use()
print(shadow(), len("abc"))
