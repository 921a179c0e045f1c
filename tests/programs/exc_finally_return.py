# return/break/continue interacting with finally.
def ret_in_try():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(ret_in_try())
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())
def ret_in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("finally after except")
print(ret_in_except())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
n = 0
while True:
    try:
        n += 1
        if n < 3:
            continue
        break
    finally:
        print("while finally", n)
print("n =", n)
def nested():
    log = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise KeyError(i)
                log.append("inner-try-" + str(i))
            finally:
                log.append("inner-finally-" + str(i))
        except KeyError:
            log.append("caught-" + str(i))
            continue
        finally:
            log.append("outer-finally-" + str(i))
        log.append("end-" + str(i))
    return log
print(nested())
def counter_finally():
    count = 0
    for i in range(10):
        try:
            if i % 2:
                continue
            count += 1
        finally:
            count += 10
    return count
print(counter_finally())
def value_at_return():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x changed to", x)
print(value_at_return())
