# Several closures share one cell: a write through one is seen by the others.
def account(balance):
    def deposit(v):
        nonlocal balance
        balance += v
        return balance
    def withdraw(v):
        nonlocal balance
        if v > balance:
            raise ValueError("insufficient funds")
        balance -= v
        return balance
    def show():
        return balance
    return deposit, withdraw, show
dep, wd, show = account(100)
dep(50)
wd(30)
print(show())
try:
    wd(1000)
except ValueError as e:
    print("ValueError:", e)
print(dep.__closure__[0] is show.__closure__[0], show())

def pair():
    shared = []
    return (lambda v: shared.append(v)), (lambda: list(shared))
add, get = pair()
add(1)
add(2)
print(get())
a2, g2 = pair()
a2("other")
print(get(), g2())
