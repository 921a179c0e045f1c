# A hot loop over a generator whose values change type part way: the trace's guards
# inside the generator's frame and in the loop fail, and tier 1 resumes correctly.
def values(n):
    i = 0
    while i < n:
        if i < 3000:
            yield i
        elif i < 6000:
            yield i * 0.5
        else:
            yield str(i % 10)
        i += 1


total = 0
text = []
for v in values(6020):
    if isinstance(v, str):
        text.append(v)
    else:
        total += v
print(total, "".join(text))
