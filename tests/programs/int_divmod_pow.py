# divmod and pow (2- and 3-argument forms).
for a in [10, -10, 7, -7, 100]:
    for b in [3, -3, 4]:
        print(a, b, divmod(a, b), pow(a, 2), pow(b, 3))
print(pow(2, 10), pow(2, -1), pow(-2, -2), pow(2.0, 3))
print(pow(3, 4, 5), pow(2, 100, 1000000007), pow(10, 18, 97))
print(pow(3, -1, 7), pow(2, -1, 5), pow(5, -2, 13))
print(pow(-3, 3, 7), pow(123456789, 987654321, 1000000007))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 2.5))
print(divmod(2 ** 70, 12345), divmod(-(2 ** 70), 12345))
res = 1
for e in range(1, 30):
    res = pow(3, e, 1000)
    print(e, res, end="; ")
print()
