# A file with a syntax error: nothing runs.
print("this line is never executed")
def broken(:
    return 1
