# A class pattern whose class is not a type raises TypeError when it is tried.
def check(v):
    match v:
        case 1:
            return "one"
        case len():
            return "len?"

print(check(1))
print(check(2))
