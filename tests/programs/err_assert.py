# A failing assert with a message.
def check(v):
    assert v < 10, "value too large: " + str(v)
    return v
for i in [1, 5, 9]:
    print("checked", check(i))
check(12)
print("not reached")
