# Tier 2: hot loops inside functions (so the executors promote globals and builtins to
# constants and depend on them) while a builtin is shadowed and restored, a global
# function is rebound, and a class attribute and a method change mid-loop.


class Scale:
    factor = 2

    def apply(self, v):
        return v * self.factor


def double_it(self, v):
    return v * 2 + 1


def scaled_sum(n):
    s = Scale()
    total = 0
    for i in range(n):
        total += s.apply(i % 10)
        total += Scale.factor
        if i == 2000:
            Scale.factor = 5
        if i == 4000:
            Scale.apply = double_it
        if i % 1000 == 0:
            print("scale", i, total)
    return total


print("scaled_sum", scaled_sum(6000))


def my_len(x):
    return 100


def shadow_len():
    global len
    len = my_len


def restore_len():
    global len
    del len


def count_lengths(items, n):
    total = 0
    for i in range(n):
        total += len(items)
        if i == 3000:
            shadow_len()
        if i == 6000:
            restore_len()
        if i % 1500 == 0:
            print("len", i, total)
    return total


print("count_lengths", count_lengths([1, 2, 3], 9000))


def step(x):
    return x + 1


def big_step(x):
    return x + 1000


def rebind_step():
    global step
    step = big_step


def walk(n):
    x = 0
    for i in range(n):
        x = step(x)
        if i == 4000:
            rebind_step()
    return x


print("walk", walk(8000))


