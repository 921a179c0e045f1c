# Class attributes shared between instances; shadowing by instance attributes.
class Config:
    level = 1
    tags = []
    def __init__(self, name):
        self.name = name
    def show(self):
        return self.name + ":" + str(self.level) + ":" + str(len(self.tags))
a = Config("a")
b = Config("b")
print(a.show(), b.show())
Config.level = 2
print(a.show(), b.show())
a.level = 99
print(a.show(), b.show(), Config.level)
a.tags.append("shared")
print(b.tags, Config.tags, a.tags is b.tags)
del a.level
print(a.show())
b.tags = ["own"]
print(a.tags, b.tags, Config.tags)
class Registry:
    count = 0
    items = []
    def __init__(self, v):
        Registry.count += 1
        self.id = Registry.count
        Registry.items.append(v)
r1 = Registry("x")
r2 = Registry("y")
r3 = Registry("z")
print(Registry.count, r1.id, r2.id, r3.id, r3.count, Registry.items)
class Sub(Config):
    level = 5
s = Sub("s")
print(s.show(), s.level, Config.level)
Config.level = 3
print(s.show(), a.show(), Sub.level)
del Sub.level
print(s.show(), Sub.level)
Config.new_attr = "added later"
print(a.new_attr, s.new_attr)
