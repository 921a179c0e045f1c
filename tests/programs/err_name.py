# Uncaught NameError for an unknown name.
values = [1, 2, 3]
print("values", values)
def compute():
    return sum(values) + completely_unknown_identifier
print("calling compute")
print(compute())
