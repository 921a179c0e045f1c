# Unbounded recursion raises RecursionError, which can be caught.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught", type(e).__name__)
    print("maximum recursion depth exceeded" in str(e))
def also_forever(lst):
    lst.append(1)
    return also_forever(lst)
items = []
try:
    also_forever(items)
except RecursionError:
    print("caught again", len(items) > 100)
print(isinstance(RecursionError(), Exception))
def fine(n):
    if n == 0:
        return "ok"
    return fine(n - 1)
print(fine(200))
count = 0
for i in range(3):
    try:
        forever(0)
    except RecursionError:
        count += 1
print("caught", count, "times; still works:", fine(500))
