# Lambdas made in a list comprehension capture the comprehension variable: one fresh
# cell per run of the comprehension, shared by that run's lambdas (as in 3.11).
fs = [lambda: x for x in range(3)]
print([f() for f in fs])
fs = [lambda x=x: x for x in range(3)]
print([f() for f in fs])

def in_function(n):
    return [lambda: x * n for x in range(n)]
print([f() for f in in_function(3)], [f() for f in in_function(4)])

runs = []
for k in range(3):
    runs.append([lambda: (k, x) for x in range(k + 1)])
print([[f() for f in run] for run in runs])

# The comprehension variable does not leak, and the outer name is untouched.
x = "outer"
fs = [lambda: x for x in "abc"]
print(x, [f() for f in fs])

def pairs():
    return [lambda: (a, b) for a in range(2) for b in "xy"]
print([f() for f in pairs()])

# Each run of the same comprehension in a loop gets its own cell.
keep = []
for j in range(3):
    keep.extend([lambda: x + j for x in range(10, 12)])
print([f() for f in keep])
