# Uncaught TypeError: adding an instance of a class with __hash__ = None.
class Cell:
    __hash__ = None
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
print(Cell(1) == Cell(1))
s = {1, 2}
s.add(Cell(3))
print("not reached")
