# List methods.
lst = []
for i in range(5):
    lst.append(i * i)
print(lst, len(lst))
print(lst.pop(), lst, lst.pop(0), lst, lst.pop(1), lst)
lst.insert(0, "first")
lst.insert(100, "last")
lst.insert(-1, "before-last")
lst.insert(-100, "very-first")
print(lst)
lst.extend([1, 2, 3])
lst.extend((4,))
lst.extend("ab")
print(lst)
print(lst.index(1), lst.index("first"), lst.count(1), lst.count("zzz"))
lst.append(1)
print(lst.count(1), lst.index(1, 7))
lst.reverse()
print(lst)
nums = [5, 3, 8, 1, 9, 2]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
try:
    nums.index(100)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == [1, 2, 3, 4])
c = a[:]
c.append(5)
print(a, c)
del c[0]
print(c)
del c[-1]
print(c)
d = list(range(10))
del d[2:5]
print(d)
print([1, 2] + [3], [0] * 4, [[]] * 2, 3 in [1, 2, 3], [1, [2]] == [1, [2]])
print(list(), list("abc"), list((1, 2)), list(range(3, 0, -1)))
