# A hot loop with a very long body (70+ statements) mixing ints, floats, lists and calls.
def helper(a, b):
    return (a * 31 + b) % 1009
def run(n):
    a = 1
    b = 2
    c = 3
    d = 4.0
    e = 0
    f = 0.5
    g = []
    h = {}
    s = 0
    for i in range(n):
        a = (a + i) % 10007
        b = (b * 3 + a) % 10009
        c = c + (a % 256)
        d = d * 0.999 + 0.01
        e += a - b
        f = f + (i % 7) * 0.25
        s += helper(a, b)
        if a > b:
            e -= 1
        else:
            e += 1
        t = a + b + c
        u = t * 2 - c
        v = u // 3
        w = v % 11
        x = w * w
        y = x + t
        z = y - u
        s += z % 13
        if z > 100:
            s += 1
        c = (c + w) % 4096
        k = i % 10
        if k == 0:
            g.append(a)
        if len(g) > 20:
            g.pop(0)
        h[k] = h.get(k, 0) + 1
        m = a if a < b else b
        s += m % 5
        p = a * 4 + b % 8
        q = p // 2
        s += q % 3
        r = d * 2.0
        r2 = r + f
        r3 = r2 / 3.0
        f = f * 0.5 + r3 * 0.001
        e = e + (1 if r3 > 1.0 else -1)
        aa = a + 1
        bb = b + 2
        cc = aa * bb
        dd = cc % 97
        ee = dd + aa
        ff = ee - bb
        gg = ff * 2
        hh = gg // 5
        s += hh % 17
        ii = hh + dd
        jj = ii % 23
        s += jj
        kk = not (jj % 2)
        if kk:
            s -= 2
        ll = [aa, bb, cc]
        s += ll[i % 3] % 7
        mm = (aa, bb)
        s += mm[0] - mm[1]
        nn = str(jj)
        s += len(nn)
        oo = abs(ff - gg)
        s += oo % 19
        pp = max(aa, bb, cc % 50)
        qq = min(aa, bb)
        s += pp - qq
        rr = i * i
        s += rr % 29
        ss = rr + s
        tt = ss % 1000003
        s = tt
        uu = a - b
        vv = -uu
        s += vv % 31
        ww = d > 5.0
        if ww and i % 2 == 0:
            s += 3
        xx = b % 7 == 0 or c % 11 == 0
        if xx:
            s += 5
        a = a + 0
        b = b + 0
    return a, b, c, round(d, 9), e, round(f, 9), g[-5:], h, s
print(run(10000))
print(run(5000))
