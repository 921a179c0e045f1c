# A hot loop on complex numbers (a small Mandelbrot set): generic arithmetic in traces.
def escape_time(c, limit):
    z = 0j
    for n in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return limit

rows = []
for y in range(-10, 11):
    row = ""
    for x in range(-30, 11):
        n = escape_time(complex(x / 15, y / 10), 40)
        row += " .:-=+*#%@"[min(n, 39) // 4]
    rows.append(row)
print("\n".join(rows))
total = 0j
for k in range(1, 3000):
    total += (1j ** k) / k
print(total, abs(total))
