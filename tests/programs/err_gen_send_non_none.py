# Sending a non-None value to a just-started generator: TypeError.
def g():
    value = yield "first"
    print("got", value)

gen = g()
print("created")
gen.send("too early")
print("never printed")
