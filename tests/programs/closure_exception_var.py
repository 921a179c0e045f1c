# An exception variable captured by a lambda is cleared at the end of its handler.
def catch():
    try:
        raise ValueError("boom")
    except ValueError as err:
        get = lambda: str(err)
        print("inside:", get())
    try:
        return get()
    except NameError as e:
        return "NameError: " + str(e)
print(catch())

def keep():
    saved = None
    try:
        1 / 0
    except ZeroDivisionError as err:
        saved = err
        show = lambda: type(saved).__name__
    return show()
print(keep())
