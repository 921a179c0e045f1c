# Uncaught AttributeError on a user object.
class Robot:
    def __init__(self, name):
        self.name = name
    def beep(self):
        return self.name + " beeps"
r = Robot("R2")
print(r.beep())
print(r.name)
print(r.xyzzy_frobnicate)
