# __class__ in methods is the class being defined, also when called on a subclass.
class A:
    def which(self):
        return __class__
    def names(self):
        return __class__.__name__, type(self).__name__
class B(A):
    def which(self):
        return __class__, super().which()
print(A().which().__name__)
print([c.__name__ for c in B().which()])
print(B().names())
print("__classcell__" in A.__dict__ if hasattr(A, "__dict__") else False)

def factory(tag):
    class Tagged:
        def describe(self):
            return tag + ":" + __class__.__name__
    return Tagged
print(factory("t1")().describe(), factory("t2")().describe())

class Outer:
    def make_inner(self):
        class Inner:
            def who(self):
                return __class__.__name__
        return Inner
    def who(self):
        return __class__.__name__
print(Outer().make_inner()().who(), Outer().who())

class WithLambda:
    get = lambda self: __class__.__name__
print(WithLambda().get())
