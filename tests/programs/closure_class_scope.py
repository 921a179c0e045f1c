# Class scopes: names bound in a class body are not visible to its methods; a free name
# in a class body is read from the class namespace first (LOAD_CLASSDEREF).
x = "global x"
def make():
    x = "function x"
    class C:
        print("body sees", x)
        x = "class x"
        print("body now sees", x)
        def method(self):
            return x
        y = [x for _ in range(1)]
    return C
C = make()
print(C.x, C().method(), C.y)

def make2():
    v = 1
    class D:
        w = v + 1
        def get(self):
            return v, self.w
    v = 10
    return D
print(make2().w, make2()().get())

class K:
    k = 3
    def m(self):
        try:
            return k
        except NameError as e:
            return "NameError: " + str(e)
print(K().m())

def class_nonlocal():
    counter = 0
    class E:
        nonlocal counter
        counter += 1
        z = counter
    return counter, E.z
print(class_nonlocal())
