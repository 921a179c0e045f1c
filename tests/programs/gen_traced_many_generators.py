# Many generators through one hot loop site: fresh ones each pass, two different
# generator functions alternating, generators that stop early, and generators
# finishing inside a traced loop (their return ends the for loop in tier 1).
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "unused"


def squares(n):
    for i in range(n):
        yield i * i


def pick(k):
    return count_up if k % 3 else squares


def run():
    grand = 0
    for k in range(300):
        g = pick(k)(k % 50 + 20)
        for x in g:
            grand += x
            if x > 1500:
                break
    return grand


print(run())
