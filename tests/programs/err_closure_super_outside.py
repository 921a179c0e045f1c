# super() at module level has no arguments to find.
print("start")
super()
