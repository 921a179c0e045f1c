# A module-level annotation is evaluated: an undefined name in it is a NameError.
ok: int = 1
print(__annotations__)
broken: UndefinedType = 2
