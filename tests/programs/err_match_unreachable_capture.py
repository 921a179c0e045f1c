# A bare capture pattern before other cases makes them unreachable: a SyntaxError.
print("never printed")
match 3:
    case value:
        print(value)
    case 4:
        print("four")
