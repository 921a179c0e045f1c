# Nested try blocks; exceptions in handlers, else and finally.
def case(n):
    try:
        try:
            if n == 0:
                raise ValueError("inner value")
            if n == 1:
                raise KeyError("inner key")
            return "no error"
        except ValueError as e:
            return "inner handled " + str(e)
        finally:
            print("  inner finally", n)
    except KeyError as e:
        return "outer handled " + repr(e)
for n in range(3):
    print(n, case(n))
def else_raises():
    try:
        x = 1
    except ValueError:
        return "not here"
    else:
        raise TypeError("raised in else")
try:
    else_raises()
except TypeError as e:
    print("else:", e)
def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    finally_raises()
except KeyError as e:
    print("finally replaced:", repr(e))
except ValueError:
    print("not reached")
def handler_then_finally():
    log = []
    try:
        try:
            raise IndexError("a")
        except IndexError:
            log.append("handler")
            raise ValueError("b")
        finally:
            log.append("finally")
    except ValueError as e:
        log.append("outer " + str(e))
    return log
print(handler_then_finally())
depth = 0
try:
    try:
        try:
            raise ZeroDivisionError("deep")
        except TypeError:
            print("wrong")
        finally:
            depth += 1
    finally:
        depth += 10
except ZeroDivisionError as e:
    print("deep caught", e, depth)
err = None
try:
    raise ValueError("saved")
except ValueError as e:
    err = e
print(repr(err), err.args)
