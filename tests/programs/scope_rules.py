# Name resolution: locals, globals, builtins; shadowing.
x = "global x"
def read_global():
    return x
def local_shadow():
    x = "local x"
    return x
def param_shadow(x):
    return "param " + str(x)
print(read_global(), local_shadow(), param_shadow(5), x)
def shadow_builtin_locally(items):
    len = 99
    return len + 1
print(shadow_builtin_locally([1, 2]), len([1, 2]))
def uses_builtin():
    return len("abc")
len = lambda s: -1
print(uses_builtin())
del len
print(uses_builtin())
def loop_var_leaks():
    for i in range(3):
        pass
    return i
print(loop_var_leaks())
for j in range(4):
    pass
print("module loop var", j)
def conditional_def(flag):
    if flag:
        v = "set"
    else:
        v = "unset"
    return v
print(conditional_def(True), conditional_def(False))
def unbound():
    try:
        print(y_local)
    except NameError as e:
        print("unbound local caught as NameError")
    y_local = 1
    return y_local
print(unbound())
counter = 0
def bump():
    global counter
    counter = counter + 1
for _ in range(3):
    bump()
print(counter)
def f():
    return g()
def g():
    return "g defined after f"
print(f())
