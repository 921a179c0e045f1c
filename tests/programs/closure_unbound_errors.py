# Reading empty cells: NameError for free variables, UnboundLocalError for cells.
def early_call():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    later = 1
    return inner()
print(early_call())

def cell_before_assign():
    def use():
        return v
    try:
        print(v)
    except UnboundLocalError as e:
        print(type(e).__name__ + ":", e)
    v = 2
    return use()
print(cell_before_assign())

def deleted():
    value = 3
    get = lambda: value
    del value
    try:
        get()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    try:
        del value
    except UnboundLocalError as e:
        print(type(e).__name__ + ":", e)
    value = 4
    return get()
print(deleted())

def del_nonlocal():
    item = "x"
    def drop():
        nonlocal item
        del item
    def again():
        nonlocal item
        try:
            del item
        except NameError as e:
            print(type(e).__name__ + ":", e)
    drop()
    again()
    try:
        return item
    except UnboundLocalError as e:
        return str(e)
print(del_nonlocal())
print(issubclass(UnboundLocalError, NameError))
