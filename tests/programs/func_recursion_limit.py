# Raising the recursion limit and recursing 3000 frames deep.
import sys
sys.setrecursionlimit(5000)
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(3000))
def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)
print(sum_to(2500))
def build(n):
    if n == 0:
        return []
    lst = build(n - 1)
    lst.append(n)
    return lst
r = build(2800)
print(len(r), r[:3], r[-3:])
def mutual_a(n):
    if n == 0:
        return "a-done"
    return mutual_b(n - 1)
def mutual_b(n):
    if n == 0:
        return "b-done"
    return mutual_a(n - 1)
print(mutual_a(3001), mutual_a(3000))
