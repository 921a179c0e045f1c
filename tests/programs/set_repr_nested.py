# repr/str of sets inside other containers and containers inside sets.
print([{1, 2}, set(), frozenset(), frozenset({3})])
print(({1},), ({1}, {2}), (set(),))
print({"a": {1, 2}, "b": frozenset({3, 4}), "c": set()})
print({1: frozenset(), 2: frozenset([frozenset()])})
print({frozenset({1, 2}): "x"})
print({(1, 2), (3, (4, 5))})
print({frozenset({1})})
print(frozenset({frozenset({frozenset()})}))
print([[{1}], [{2, 3}]])
print(repr({1, 2}), repr(frozenset({1})), repr(set()), repr(frozenset()))
print(str([set()]), repr([frozenset()]))
print({"only"}, frozenset({"x"}), {"it's"}, {'say "hi"'})
print({1.5, -2.5}, {1e100}, {-0.0}, {float("inf")}, {2 ** 80})
print({True}, {False}, {None}, {()}, {(None,)})
class R:
    def __repr__(self):
        return "<R>"
    def __hash__(self):
        return 7
print({R()}, frozenset([R()]), [{R()}])
class Rec:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Rec(" + self.name + ")"
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return self.name == other.name
print({Rec("one")}, str({Rec("two")}))
lst = [1, 2]
holder = [lst, {3}]
lst.append(holder)
print(holder)
d = {"s": {1}}
d["self"] = d
print(d)
print(len(repr(set(range(100)))), repr(set(range(10)))[:10])
print(f"{ {1, 2} }", f"{frozenset({5})}", f"{set()!r}", f"{ {7} !s}")
print("%s|%r" % ({1}, {2}), "{}|{!r}".format(frozenset(), {3}))
print(str({1, 2}) + "!", "set: " + repr({4}))
print([str(x) for x in [{1}, frozenset({2}), set(), frozenset()]])
selfish = set()
class Back:
    def __repr__(self):
        return "Back" + repr(selfish)
    def __hash__(self):
        return 3
selfish.add(Back())
print(selfish)
box = []
class Back2:
    def __repr__(self):
        return "Back2" + repr(box[0])
    def __hash__(self):
        return 4
fz = frozenset([Back2()])
box.append(fz)
print(fz, [fz])
