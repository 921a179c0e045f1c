# Calling a closure before its free variable is bound is a NameError.
def outer():
    def inner():
        return undefined_later_thing + 1
    print("calling inner")
    result = inner()
    undefined_later_thing = 1
    return result
outer()
