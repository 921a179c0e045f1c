# Genexprs capturing loop variables: late binding means they see the value at iteration time.
gens = []
for i in range(3):
    gens.append(x + i for x in range(2))
# `i` is a module global, looked up when each genexpr runs: all see the final i.
print([list(g) for g in gens])

# Binding the value as the first iterable freezes it at creation time.
frozen = []
for i in range(3):
    frozen.append((x, i2) for i2 in [i] for x in range(2))
print([list(g) for g in frozen])

# Inside a function, the genexpr closes over the function's local variable.
def make_gens():
    result = []
    for k in range(3):
        result.append(v * k for v in range(3))
    return result
print([list(g) for g in make_gens()])

def make_frozen():
    result = []
    for k in range(3):
        result.append(v * kk for kk in [k] for v in range(3))
    return result
print([list(g) for g in make_frozen()])

# A later `for k in [k]` does not freeze anything: that k is the genexpr's own local,
# still unbound when [k] is evaluated.
def shadowed():
    k = 5
    g = (v * k for v in range(3) for k in [k])
    try:
        return list(g)
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(shadowed())

# Rebinding the captured variable between creation and iteration.
def rebinding():
    base = 1
    g = (base + n for n in range(3))
    base = 100
    return list(g)
print(rebinding())

# Partially consumed, then the variable changes.
def midway():
    step = 1
    g = (n * step for n in range(4))
    first = next(g)
    step = 10
    return [first] + list(g)
print(midway())

# A list comprehension of genexprs capturing the comprehension variable.
lst = [(j * 10 + m for m in range(2)) for j in range(3)]
print([list(g) for g in lst])
