# Genexprs as call arguments: the sole-argument form and parenthesized forms.
def show(*args):
    print(len(args), [type(a).__name__ for a in args])

show(x for x in range(3))
show((x for x in range(3)), 1)
show(1, (x for x in range(3)))
print(sorted((w for w in ["b", "a", "c"]), reverse=True))
print(sorted((w for w in ["bb", "a", "ccc"]), key=len))
print(max((x for x in [3, -7, 5]), key=abs))
print(min((x for x in []), default="empty"))
print(sum((x for x in range(5)), 10))
print("".join(ch * 2 for ch in "abc"))
print(list(enumerate((c for c in "pq"), 1)))
print(dict(zip("ab", (n * n for n in range(2, 4)))))

class Acc:
    def __init__(self):
        self.items = []
    def add_all(self, it):
        for v in it:
            self.items.append(v)
        return self

a = Acc().add_all(n for n in range(3)).add_all(s for s in "xy")
print(a.items)

def consume(it, limit):
    out = []
    for v in it:
        if len(out) == limit:
            break
        out.append(v)
    return out

def naturals():
    n = 0
    while True:
        yield n
        n += 1

print(consume((n * n for n in naturals()), 6))
print(consume((n for n in naturals() if n % 7 == 3), 4))

print(list(map(lambda p: p[0] * p[1], ((i, i + 1) for i in range(4)))))
print(tuple(filter(None, (x % 3 for x in range(7)))))
print(str(sum(x for x in range(101))) + " is the sum")
print(f"{sum(x * x for x in range(4))} squares")
print(len(list(x for x in "hello world" if x != "o")))
