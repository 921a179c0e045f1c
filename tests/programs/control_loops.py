# while/for with break, continue and else.
for i in range(10):
    if i == 3:
        continue
    if i == 7:
        break
    print("for", i)
else:
    print("for-else not reached")
for i in range(3):
    print("loop", i)
else:
    print("for-else reached")
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("while", n)
else:
    print("while-else reached")
n = 0
while True:
    n += 1
    if n > 3:
        break
print("after while True", n)
def find(items, target):
    for idx in range(len(items)):
        if items[idx] == target:
            print("found at", idx)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
primes = []
for c in range(2, 50):
    for d in range(2, c):
        if c % d == 0:
            break
    else:
        primes.append(c)
print(primes)
count = 0
for i in range(5):
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        count += 1
print("count", count)
for ch in "":
    print("never")
else:
    print("empty for-else")
while False:
    pass
else:
    print("empty while-else")
k = 10
while k:
    k -= 3 if k > 3 else k
print("k", k)
