# super() in a function without arguments.
class A:
    def f(self):
        def g():
            return super().f()
        return g()
print("start")
A().f()
