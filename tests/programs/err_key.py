# Uncaught KeyError.
ages = {"ann": 31, "bob": 25}
for name in ["ann", "bob"]:
    print(name, ages[name])
print("looking up carol")
print(ages["carol"])
