# The alternatives of an or-pattern must bind the same names.
match (1, 2):
    case (x, 1) | (y, 2):
        pass
