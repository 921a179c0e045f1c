# An exception raised inside an except handler; the last one is reported.
data = {"a": 1}
print("start")
try:
    print(data["missing"])
except KeyError:
    print("handling KeyError")
    result = [1, 2][7]
print("not reached")
