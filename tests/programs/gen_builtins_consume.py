# Builtins that consume generators: list, sum, max, min, sorted, zip, enumerate, map, filter...
def nums(n):
    for i in range(n):
        yield (i * 7) % 11

print(list(nums(8)))
print(sum(nums(8)), max(nums(8)), min(nums(8)))
print(sorted(nums(8)))
print(sorted(nums(8), reverse=True))
print(max(nums(8), key=lambda v: -v))
print(list(enumerate(nums(4))))
print(list(enumerate(nums(3), 10)))
print(list(zip(nums(3), "abc")))
print(list(map(lambda v: v * 2, nums(5))))
print(list(filter(lambda v: v % 2 == 0, nums(8))))
print(any(map(lambda v: v > 9, nums(8))), all(map(lambda v: v < 11, nums(8))))
print(tuple(nums(3)))
print(dict(zip("xyz", nums(3))))
print("-".join(map(str, nums(5))))
print(sum(nums(5), 100))
print(len(list(nums(20))))
print(max(nums(0), default="none"))

# zip stops as soon as the shortest input stops, and pulls from the
# first input before noticing that a later one is exhausted.
def noisy(tag, n):
    for i in range(n):
        print("  ", tag, "yields", i)
        yield i
    print("  ", tag, "exhausted")

print(list(zip(noisy("A", 3), noisy("B", 2))))

# map with two generators
print(list(map(lambda a, b: a * b, nums(4), nums(5))))

# reversed needs a sequence: make a list first
print(list(reversed(list(nums(4)))))

# unpacking and the in operator
a, b, c = nums(3)
print(a, b, c)
first, *rest = nums(5)
print(first, rest)
print(3 in nums(8), 10 in nums(5))
print([*nums(3), *nums(2)])
def spread(*args):
    return args
print(spread(*nums(4)))
