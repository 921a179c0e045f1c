# Deterministic pseudo-random stress test of add/discard/remove/pop on a set of ints.
state = 12345
def rnd():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state >> 8
s = set()
present = [False] * 250
counts = [0, 0, 0, 0, 0]
popped = []
for step in range(1, 3001):
    r = rnd()
    op = r % 10
    v = (r // 10) % 250 - 50
    if op < 4:
        s.add(v)
        present[v + 50] = True
        counts[0] += 1
    elif op < 7:
        s.discard(v)
        present[v + 50] = False
        counts[1] += 1
    elif op == 7:
        if s:
            x = s.pop()
            present[x + 50] = False
            if len(popped) < 40:
                popped.append(x)
        counts[2] += 1
    elif op == 8:
        if v in s:
            s.remove(v)
            present[v + 50] = False
            counts[3] += 1
        else:
            s.add(v)
            present[v + 50] = True
    else:
        t = s.copy()
        if t != s or len(t) != len(s):
            print("copy mismatch at", step)
        counts[4] += 1
    if step % 100 == 0:
        ok = sorted(s) == [i - 50 for i in range(250) if present[i]]
        print(step, len(s), ok, list(s))
        cfp = 0
        for x in s.copy():
            cfp = (cfp * 257 + x + 50) % 1000000007
        print("  copy order fingerprint", cfp, "frozenset", list(frozenset(s))[:10])
print(counts)
print(popped)
print(s)
