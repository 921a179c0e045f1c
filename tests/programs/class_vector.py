# A numeric vector class with operators, used in a small simulation.
import math
class V3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
    def __add__(self, o):
        return V3(self.x + o.x, self.y + o.y, self.z + o.z)
    def __sub__(self, o):
        return V3(self.x - o.x, self.y - o.y, self.z - o.z)
    def __mul__(self, k):
        return V3(self.x * k, self.y * k, self.z * k)
    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z
    def norm(self):
        return math.sqrt(self.dot(self))
    def __repr__(self):
        return f"V3({self.x:.3f}, {self.y:.3f}, {self.z:.3f})"
pos = V3(0.0, 10.0, 0.0)
vel = V3(1.0, 0.0, 0.5)
g = V3(0.0, -9.8, 0.0)
dt = 0.01
steps = 0
while pos.y > 0:
    vel = vel + g * dt
    pos = pos + vel * dt
    steps += 1
    if steps % 50 == 0:
        print(steps, pos, round(vel.norm(), 4))
print("landed after", steps, "steps at", pos)
a = V3(1, 2, 3)
b = V3(4, 5, 6)
print(a.dot(b), (a - b).norm(), a + b, b * 2)
