# Ten million temporary floats in a hot loop (allocation pressure for boxed floats).
def run(n):
    x = 0.0
    y = 1.0
    i = 0
    while i < n:
        x = x * 1.0000001 + 0.5
        y = y * 0.9999999
        i += 1
    return x, y


x, y = run(5000000)
print(round(x, 2))
print(round(y, 6))
print(x > 1000.0, y < 1.0)
