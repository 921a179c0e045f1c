# Class attributes changed mid-loop; reads must see the new value.
class Config:
    factor = 2
    label = "a"
class Item:
    def __init__(self, v):
        self.v = v
    def scaled(self):
        return self.v * Config.factor
    def weight(self):
        return self.v * self.mult
Item.mult = 3
items = [Item(i) for i in range(10)]
total = 0
for i in range(20000):
    it = items[i % 10]
    total += it.scaled() + it.weight()
    if i == 5000:
        Config.factor = 5
    if i == 10000:
        Item.mult = 0.5
    if i == 15000:
        Config.factor = -1
print("total", total)
labels = []
for i in range(6000):
    if i % 1000 == 0:
        labels.append(Config.label)
    if i == 3000:
        Config.label = "b"
print(labels)
class Shared:
    count = 0
for i in range(8000):
    Shared.count += 1
    if i == 4000:
        Shared.count = 1000000
print(Shared.count)
objs = [Shared() for _ in range(3)]
seen = []
for i in range(6000):
    o = objs[i % 3]
    if i == 3000:
        objs[1].count = "instance"
    if i % 1000 == 1:
        seen.append(o.count)
print(seen)
