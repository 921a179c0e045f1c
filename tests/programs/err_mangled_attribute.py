# Outside the class, the unmangled private name does not exist.
class Vault:
    def __init__(self):
        self.__key = 42

    def key(self):
        return self.__key

v = Vault()
print(v.key(), v._Vault__key)
print(v.__key)
