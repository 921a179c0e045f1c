# A mapping pattern may not check the same literal key twice.
match {"a": 1}:
    case {"a": 1, "b": 2, "a": 3}:
        pass
