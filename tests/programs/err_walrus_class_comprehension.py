class A:
    [(y := 1) for i in range(2)]
