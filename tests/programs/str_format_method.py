# str.format method.
print("{} {} {}".format("a", 1, 2.5))
print("{0} {1} {0}".format("x", "y"))
print("{a}-{b}".format(a=1, b=2), "{a}{0}".format("pos", a="kw"))
print("{:5}|{:<5}|{:>5}|{:^5}|".format(1, 2, 3, 4))
print("{:.3f} {:e} {:%} {:,}".format(1.0 / 7, 1234.5, 0.5, 1234567))
print("{:x} {:o} {:b}".format(255, 8, 5))
print("{{}} {}".format("braces"))
print("{!r} {!s}".format("q", "q"))
row = "{:<8}{:>8}{:>10}"
print(row.format("item", "qty", "price"))
items = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 10.0)]
total = 0.0
for name, qty, price in items:
    print(row.format(name, qty, "{:.2f}".format(qty * price)))
    total += qty * price
print(row.format("total", "", "{:.2f}".format(total)))
print("{0} and {1}".format(["first"], ("second",)))
