# The global statement.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
for _ in range(5):
    increment()
print("counter", counter)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
def create_global():
    global created
    created = "made inside"
create_global()
print(created)
log = []
def record(msg):
    log.append(msg)
record("a")
record("b")
print(log)
total = 0
def add_all(values):
    global total
    for v in values:
        total += v
add_all([1, 2, 3])
add_all(range(10))
print("total", total)
def reset():
    global total, counter
    total = 0
    counter = 100
reset()
print(total, counter)
x = 1
def change_type():
    global x
    x = str(x) + "!"
change_type()
change_type()
print(x)
