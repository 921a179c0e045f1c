# Closures stored on instances and used as callbacks and bound methods.
class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []
    def on_click(self, fn):
        self.handlers.append(fn)
    def click(self):
        return [h(self) for h in self.handlers]

clicks = []
def make_handler(tag):
    def handler(button):
        clicks.append(tag + ":" + button.label)
        return len(clicks)
    return handler
b = Button("ok")
b.on_click(make_handler("first"))
b.on_click(make_handler("second"))
print(b.click(), b.click())
print(clicks)

class Model:
    def __init__(self):
        self.value = 0
    def setter(self):
        def set_value(v):
            self.value = v
            return self
        return set_value
m = Model()
m.setter()(42)
print(m.value)
