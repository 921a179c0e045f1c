# range objects.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 3)), list(range(10, 0, -2)), list(range(5, 5)))
print(list(range(-3, 3)), list(range(3, -3, -1)), list(range(0, -10, -3)))
r = range(1, 20, 4)
print(len(r), r[0], r[-1], r[2], 9 in r, 10 in r, len(range(0)), len(range(10, 0)))
print(range(5), range(1, 10, 2), range(0, 3) == range(0, 3))
print(list(reversed(range(4))), sum(range(101)), max(range(7)), min(range(3, 9)))
total = 0
for i in range(0, 100, 7):
    total += i
print(total)
print(len(range(0, 1000, 7)), range(0, 10 ** 6)[-1], range(5, 50, 5)[3])
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
for i in range(3):
    for j in range(i):
        print(i, j, end=" ")
print()
print(list(range(3))[::-1], tuple(range(2)), [x * 2 for x in range(4)])
