# Cell objects: cell_contents read, write and delete, empty cells.
def make():
    x = 1
    def get():
        return x
    return get
get = make()
cell = get.__closure__[0]
print(type(cell).__name__, cell.cell_contents)
cell.cell_contents = "changed"
print(get(), cell.cell_contents)
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print("ValueError:", e)
try:
    get()
except NameError as e:
    print("NameError:", e)
print(repr(cell).startswith("<cell at "), repr(cell).endswith(": empty>"))
cell.cell_contents = [1, 2]
print(get(), repr(cell).endswith("list object at " + repr(cell).split(" at ")[-1]))

def two():
    a = "a"
    b = "b"
    return lambda: a + b
f = two()
print([c.cell_contents for c in f.__closure__])
try:
    f.__closure__ = None
except AttributeError as e:
    print("AttributeError:", e)
