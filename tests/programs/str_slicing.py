# String slicing with steps.
s = "abcdefghijklmnopqrstuvwxyz"
print(s[2:5], s[:3], s[23:], s[-3:], s[:-23], s[:], s[5:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[20:5:-3], s[-1:-6:-1])
print(s[100:], s[-100:3], s[3:100], s[10:10], repr(s[30:40]))
for start in [0, 5, -5]:
    for stop in [10, -2, 26]:
        for step in [1, 3, -1, -4]:
            print(start, stop, step, repr(s[start:stop:step]))
word = "racecar"
print(word == word[::-1], "python"[::-1], "python"[1:-1])
digits = "0123456789"
print(digits[::3], digits[-1::-3], digits[8:1:-2])
