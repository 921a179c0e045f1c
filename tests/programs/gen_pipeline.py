# A generator pipeline: source -> parse -> filter -> transform -> batch -> sink.
LOG = [
    "INFO start 10",
    "WARN disk 73",
    "INFO tick 11",
    "ERROR fail 3",
    "bad line",
    "INFO tick 12",
    "WARN disk 91",
    "ERROR fail 4",
    "INFO stop 13",
]

def source(lines):
    for n, line in enumerate(lines, 1):
        yield n, line

def parse(records):
    for n, line in records:
        parts = line.split()
        if len(parts) != 3:
            print("skipping line", n)
            continue
        yield {"line": n, "level": parts[0], "what": parts[1], "value": int(parts[2])}

def only(levels, events):
    for e in events:
        if e["level"] in levels:
            yield e

def describe(events):
    for e in events:
        yield f"{e['line']:>2} {e['level']:<5} {e['what']}={e['value']}"

def batch(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

pipeline = batch(describe(only(["WARN", "ERROR"], parse(source(LOG)))), 2)
for i, chunk in enumerate(pipeline):
    print("batch", i, chunk)

# Laziness: each stage pulls one item at a time.
def stage(name, items):
    for x in items:
        print(name, "<-", x)
        yield x

out = stage("c", stage("b", stage("a", range(3))))
print(next(out))
print("--")
print(list(out))

def moving_average(values, width):
    window = []
    for v in values:
        window.append(v)
        if len(window) > width:
            window.pop(0)
        if len(window) == width:
            yield sum(window) / width

print(list(moving_average(range(10), 3)))
info_total = 0
for e in only(["INFO"], parse(source(LOG))):
    info_total += e["value"]
print(info_total)
