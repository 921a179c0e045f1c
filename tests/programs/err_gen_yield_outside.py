# `yield` at module level is a SyntaxError: nothing runs.
print("never printed")
yield 1
