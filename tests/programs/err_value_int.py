# Uncaught ValueError from int().
for s in ["1", "22", "333"]:
    print(s, int(s) * 2)
print(int("forty-two"))
