# Digits of pi and e with big-integer arithmetic (Machin's formula).
def arctan_inv(x, unity):
    total = unity // x
    term = total
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total
def pi_digits(digits):
    unity = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return pi // 10 ** 10
p = str(pi_digits(300))
print(p[0] + "." + p[1:61])
print(p[-40:])
def e_digits(digits):
    unity = 10 ** (digits + 10)
    total = 0
    term = unity
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return total // 10 ** 10
e = str(e_digits(200))
print(e[0] + "." + e[1:61], len(e))
def isqrt_newton(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
s2 = str(isqrt_newton(2 * 10 ** 200))
print(s2[:1] + "." + s2[1:61])
print(sum([int(c) for c in p]), sum([int(c) for c in e]))
