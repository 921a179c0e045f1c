# An exception raised inside __init__ (in a method __init__ calls) after the class
# call was specialized and traced, and not caught: the traceback must show the
# caller's line, __init__'s and the method's, exactly as python3 prints it.


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = self.checked(balance)

    def checked(self, amount):
        if amount < 0:
            raise ValueError("negative opening balance: " + str(amount))
        return amount


class Savings(Account):
    pass


def open_accounts(n):
    accounts = []
    for i in range(n):
        accounts.append(Savings("owner" + str(i % 7), 2500 - i))
    return accounts


total = 0
for a in open_accounts(2000):
    total += a.balance
print("opened", total)
accounts = open_accounts(3000)
print("not reached", len(accounts))
