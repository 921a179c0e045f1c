# Private names inside classes are mangled to _Class__name.
class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
        self.__secret = lambda: self.__owner.upper()

    def owner(self):
        return self.__owner

    def __helper(self):
        return [self.__owner for _ in range(2)]

    def call_helper(self):
        return self.__helper()

    @classmethod
    def count(cls):
        return cls.__count

    class __Inner:
        def who(self):
            return "inner"

    def inner(self):
        return self.__Inner().who()

    def params(self, __a, *, __b=5):
        return __a + __b

    def scoped(self):
        __local = 3
        def nested():
            return __local * 2
        return nested()

a = Account("ann")
b = Account("bob")
print(a.owner(), b.owner(), Account.count())
print(a._Account__owner)
print(a.call_helper())
print(a.inner())
print(a._Account__secret())
print(a.params(1), a.params(1, _Account__b=2))
print(a.scoped())
print(a.params(__a=1) if False else "skip")
print(Account._Account__helper.__name__, Account._Account__helper.__qualname__)
print(Account._Account__Inner.__name__)
print(hasattr(a, "__owner"), hasattr(Account, "__count"))
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)

class _Under:
    def __init__(self):
        self.__v = 1
print(_Under()._Under__v)

class ___:
    def __init__(self):
        self.__v = 2
print(___().__v)

class Base:
    def __init__(self):
        self.__x = "base"
    def base_x(self):
        return self.__x

class Derived(Base):
    def __init__(self):
        super().__init__()
        self.__x = "derived"
    def derived_x(self):
        return self.__x

d = Derived()
print(d.base_x(), d.derived_x(), d._Base__x, d._Derived__x)

# Dunder names and names outside classes are not mangled.
__module_level = 7
print(__module_level)
def outside():
    return __module_level
print(outside())

class G:
    def set_global(self):
        global __g
        __g = "global"
G().set_global()
print(_G__g)

class Ann:
    __field: int = 3
    __other: str
print(Ann.__annotations__)

class Exc:
    def run(self):
        try:
            raise ValueError("v")
        except ValueError as __e:
            return repr(__e)
print(Exc().run())

class Kw:
    def f(self, **__kw):
        return __kw
print(Kw().f(x=1))
print(Account.__dict__ is not None if False else "done")
