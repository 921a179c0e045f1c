# f-strings with common format specs.
x = 3.14159265
n = 1234567
s = "abc"
print(f"[{x:>8}]")
print(f"[{x:.3f}]", f"[{x:08.2f}]", f"[{-x:08.2f}]")
print(f"[{n:,}]", f"[{-n:,}]", f"[{1000:,}]", f"[{999:,}]")
print(f"[{s!r}]", f"[{x!r}]", f"[{[1, 'a']!r}]")
print(f"[{s:<10}|]", f"[{s:>10}]", f"[{s:^9}]")
print(f"[{n:x}]", f"[{255:x}]", f"[{n:5d}]", f"[{42:5d}]", f"[{-42:5d}]")
print(f"[{x:e}]", f"[{12345.678:e}]", f"[{0.00012:e}]", f"[{0.0:e}]")
print(f"[{0.25:%}]", f"[{0.5:.1%}]", f"[{1.0:.0%}]", f"[{0.12345:.2%}]")
print(f"{n} {x} {s} {None} {True} {[1, 2]}")
print(f"{1 + 2} {n * 2} {s.upper()} {len(s)} {s[1]}")
print(f"{'nested quotes'} {x:.2f}{s}")
for i in [1, 22, 333, 4444]:
    print(f"|{i:>6}|{i:<6}|{i:^6}|{i:06d}|")
for v in [0.5, 1.25, 100.0, 12345.6789, -3.5]:
    print(f"|{v:10.3f}|{v:<10.1f}|{v:>12.4e}|{v:.0f}|")
name = "Ada"
age = 36
print(f"{name} is {age} years old, next year {age + 1}.")
print(f"{{literal braces}} {name}")
width = 12
print(f"{'centered':^12}|", f"{x:.1f}", f"{2.5:.0f}", f"{3.5:.0f}")
print(f"{1e20:.2f}", f"{123:.2f}", f"{-0.0:.1f}", f"{7.0:e}")
