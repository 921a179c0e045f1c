# A small bank simulation mixing classes and exceptions.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__("need " + str(needed) + ", have " + str(available))
        self.needed = needed
        self.available = available
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.log = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.log.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.log.append(("wd", amount))
    def add_interest(self):
        self.balance = round(self.balance * (1 + self.interest), 2)
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
class Savings(Account):
    interest = 0.05
    def withdraw(self, amount):
        if len(self.log) > 0 and self.log[-1][0] == "wd":
            raise ValueError("only one withdrawal in a row")
        super().withdraw(amount)
accts = [Account("ann", 100), Savings("bob", 500)]
ops = [("deposit", 50), ("withdraw", 30), ("withdraw", 1000), ("deposit", -5), ("withdraw", 10), ("withdraw", 10)]
for acct in accts:
    for name, amount in ops:
        try:
            if name == "deposit":
                acct.deposit(amount)
            else:
                acct.withdraw(amount)
            print(acct.owner, name, amount, "ok ->", acct.balance)
        except InsufficientFunds as e:
            print(acct.owner, name, amount, "insufficient:", e, e.needed, e.available)
        except ValueError as e:
            print(acct.owner, name, amount, "invalid:", e)
    acct.add_interest()
    print(acct, acct.log)
