# Assignment forms and augmented assignment.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 10
x += 1
print(x, y)
p, q = 1, 2
p, q = q, p + q
print(p, q)
n = 17
n += 3
n -= 1
n *= 2
n //= 3
n %= 5
n **= 4
print(n)
f = 2.5
f *= 2
f /= 4
f -= 0.125
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 5
lst += [4]
print(lst)
d = {"k": 1}
d["k"] += 41
d["new"] = d.get("new", 0) + 1
print(d)
class Box:
    pass
bx = Box()
bx.v = 5
bx.v += 1
bx.v *= 7
print(bx.v)
m = [[0, 0], [0, 0]]
m[1][0] += 3
m[1][0] -= 1
print(m)
t = (1, 2)
t += (3,)
print(t)
i = 0
lst2 = [0, 0, 0]
lst2[i] = i = 2
print(lst2, i)
g = 2 ** 62
g += 2 ** 62
g *= 4
print(g)
