# A class body at module level has no enclosing function binding.
class C:
    nonlocal y
