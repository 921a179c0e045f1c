# More positional sub-patterns than __match_args__ names.
class Pair:
    __match_args__ = ("a", "b")
    def __init__(self, a, b):
        self.a, self.b = a, b

match Pair(1, 2):
    case Pair(x, y):
        print("pair", x, y)
match Pair(1, 2):
    case Pair(x, y, z):
        print("three?")
