# Tier 2: a loop whose body is hundreds of straight-line statements (with
# branches and small inlined calls mixed in), so a trace of one iteration is
# far longer than any reasonable trace length limit.  Checksums are printed
# every few hundred iterations.


def mix(x, y):
    if x & 1:
        return (x * 31 + y) & 0xFFFF
    return (x ^ (y << 2)) & 0xFFFF


def twist(x):
    return (x >> 1) ^ (x * 5 + 3)


def long_body(n):
    a = 1
    b = 2
    c = 3
    d = 4
    e = 5
    f = 6
    g = 7
    h = 8
    for i in range(n):
        a = a ^ i
        g = a - e
        e = e ^ g
        g = twist(e) & 0xFFFFF
        c = max(f, b) - min(f, 68)
        g = max(c, c) - min(c, 27)
        b = (d + f + 42) & 0xFFFFF
        h = max(f, a) - min(f, 66)
        g = (a * 85 + a) % 1000003
        c = mix(e, b)
        b = twist(c) & 0xFFFFF
        if a > d:
            f = f + 1
        else:
            f = f - 1
        d = mix(c, e)
        c = (a + c + 39) & 0xFFFFF
        c = d // 70 + f % 70
        c = (g + f + 2) & 0xFFFFF
        a = (h * 50 + b) % 1000003
        a = twist(f) & 0xFFFFF
        b = (b + 2) % 65536; h = h ^ b
        h = f - g
        if b > c:
            f = f + 1
        else:
            f = f - 1
        c = (f * 27 + d) % 1000003
        c = c ^ e
        if c > a:
            a = a + 1
        else:
            a = a - 1
        c = mix(b, e)
        b = h - g
        c = (a * 43 + f) % 1000003
        g = (g + 74) % 65536; c = c ^ g
        d = d ^ g
        b = abs(h - d) + 81
        d = abs(c - d) + 43
        e = mix(c, a)
        a = a ^ f
        c = max(f, a) - min(f, 36)
        if f > g:
            h = h + 1
        else:
            h = h - 1
        e = (e + h + 62) & 0xFFFFF
        e = h // 29 + a % 29
        c = c ^ a
        d = (d << 3 | g & 7) & 0xFFFFF
        f = d // 93 + e % 93
        g = (b + e + 48) & 0xFFFFF
        g = (d * 11 + c) % 1000003
        e = d - f
        a = (c + b + 66) & 0xFFFFF
        f = g - f
        b = h - c
        e = (e << 3 | f & 7) & 0xFFFFF
        a = b - b
        g = twist(a) & 0xFFFFF
        if c > h:
            f = f + 1
        else:
            f = f - 1
        a = f // 50 + a % 50
        a = (f + h + 57) & 0xFFFFF
        f = (f * 39 + g) % 1000003
        g = g ^ a
        b = (b << 3 | c & 7) & 0xFFFFF
        if b > h:
            d = d + 1
        else:
            d = d - 1
        a = g // 29 + d % 29
        if g > d:
            c = c + 1
        else:
            c = c - 1
        c = (c + 21) % 65536; d = d ^ c
        h = h ^ a
        b = b - e
        d = e // 64 + d % 64
        if g > d:
            h = h + 1
        else:
            h = h - 1
        b = mix(a, f)
        h = h ^ b
        f = mix(d, h)
        b = abs(c - d) + 94
        g = (e + c + 81) & 0xFFFFF
        e = max(a, h) - min(a, 43)
        d = mix(e, a)
        f = f ^ d
        d = (e * 3 + a) % 1000003
        c = abs(f - d) + 17
        e = mix(e, a)
        g = twist(g) & 0xFFFFF
        if e > b:
            e = e + 1
        else:
            e = e - 1
        h = max(c, g) - min(c, 7)
        b = b // 85 + e % 85
        g = mix(g, h)
        b = (g + d + 80) & 0xFFFFF
        h = (c * 46 + a) % 1000003
        e = (e << 3 | c & 7) & 0xFFFFF
        f = f // 6 + g % 6
        d = (d + 45) % 65536; h = h ^ d
        g = h // 78 + c % 78
        e = max(c, h) - min(c, 58)
        a = mix(h, f)
        h = (h << 3 | d & 7) & 0xFFFFF
        d = (g * 13 + f) % 1000003
        c = (a * 50 + b) % 1000003
        f = b - d
        a = abs(b - f) + 34
        d = e // 45 + e % 45
        if a > b:
            g = g + 1
        else:
            g = g - 1
        h = h ^ f
        c = (e * 65 + a) % 1000003
        c = (c << 3 | d & 7) & 0xFFFFF
        f = (a * 90 + b) % 1000003
        d = (a + c + 3) & 0xFFFFF
        c = mix(g, g)
        a = twist(c) & 0xFFFFF
        c = max(h, b) - min(h, 46)
        b = c // 10 + a % 10
        c = (c << 3 | f & 7) & 0xFFFFF
        d = f // 10 + g % 10
        c = (e * 71 + h) % 1000003
        c = (g * 57 + a) % 1000003
        e = max(c, c) - min(c, 72)
        e = (e + e + 90) & 0xFFFFF
        f = f ^ g
        b = (c * 65 + h) % 1000003
        b = (b * 53 + b) % 1000003
        a = (a << 3 | h & 7) & 0xFFFFF
        e = (c * 95 + d) % 1000003
        b = g - c
        b = max(f, g) - min(f, 72)
        e = (e << 3 | d & 7) & 0xFFFFF
        a = mix(e, g)
        h = b - h
        a = f - c
        d = (b * 23 + d) % 1000003
        c = (a + b + 17) & 0xFFFFF
        a = (a << 3 | e & 7) & 0xFFFFF
        a = (a + 44) % 65536; h = h ^ a
        b = mix(a, a)
        b = b ^ e
        if c > h:
            g = g + 1
        else:
            g = g - 1
        c = (g * 53 + d) % 1000003
        g = (f + d + 50) & 0xFFFFF
        if f > b:
            h = h + 1
        else:
            h = h - 1
        f = twist(b) & 0xFFFFF
        d = (d + 52) % 65536; a = a ^ d
        f = max(h, c) - min(h, 31)
        e = e ^ g
        c = g - d
        if a > d:
            g = g + 1
        else:
            g = g - 1
        g = (g << 3 | f & 7) & 0xFFFFF
        g = max(a, c) - min(a, 84)
        b = (b << 3 | f & 7) & 0xFFFFF
        if h > b:
            a = a + 1
        else:
            a = a - 1
        g = (c * 11 + a) % 1000003
        c = h // 4 + h % 4
        g = twist(f) & 0xFFFFF
        h = h ^ e
        c = max(d, h) - min(d, 62)
        b = f // 70 + e % 70
        h = twist(f) & 0xFFFFF
        f = f ^ c
        h = max(g, h) - min(g, 58)
        d = g - d
        f = mix(h, f)
        b = (b + 94) % 65536; a = a ^ b
        h = (a + d + 86) & 0xFFFFF
        c = (f + a + 25) & 0xFFFFF
        e = max(g, c) - min(g, 26)
        f = f - f
        d = h - a
        d = (h + c + 97) & 0xFFFFF
        h = twist(c) & 0xFFFFF
        f = f ^ d
        c = c ^ c
        f = twist(g) & 0xFFFFF
        f = mix(d, g)
        d = (h * 15 + d) % 1000003
        c = (c + 16) % 65536; f = f ^ c
        e = twist(c) & 0xFFFFF
        if a > e:
            h = h + 1
        else:
            h = h - 1
        f = twist(a) & 0xFFFFF
        a = a ^ f
        c = (c << 3 | d & 7) & 0xFFFFF
        h = (h + 5) % 65536; h = h ^ h
        b = abs(b - f) + 28
        g = g ^ f
        d = mix(e, c)
        d = mix(h, f)
        if c > f:
            f = f + 1
        else:
            f = f - 1
        g = mix(h, e)
        b = twist(d) & 0xFFFFF
        a = (f + e + 63) & 0xFFFFF
        f = f ^ g
        e = max(f, d) - min(f, 70)
        a = (a * 18 + f) % 1000003
        c = max(e, g) - min(e, 66)
        b = mix(h, b)
        b = b ^ g
        c = (a + c + 41) & 0xFFFFF
        d = (d + 84) % 65536; d = d ^ d
        b = g // 85 + c % 85
        g = e // 4 + b % 4
        f = (h + b + 40) & 0xFFFFF
        d = (e + f + 96) & 0xFFFFF
        e = mix(f, a)
        h = twist(a) & 0xFFFFF
        b = (b + 14) % 65536; g = g ^ b
        f = g // 75 + b % 75
        g = max(b, f) - min(b, 69)
        a = mix(f, a)
        b = (b + 43) % 65536; f = f ^ b
        e = (a + h + 24) & 0xFFFFF
        g = max(e, c) - min(e, 78)
        b = (b << 3 | b & 7) & 0xFFFFF
        g = mix(a, g)
        e = e ^ b
        b = (b + 1) % 65536; d = d ^ b
        d = (d + 46) % 65536; d = d ^ d
        f = mix(b, d)
        f = (f << 3 | b & 7) & 0xFFFFF
        h = d - g
        g = h - e
        g = abs(f - e) + 93
        g = g // 2 + b % 2
        b = (b << 3 | e & 7) & 0xFFFFF
        c = (c << 3 | g & 7) & 0xFFFFF
        b = mix(g, e)
        a = (f * 37 + g) % 1000003
        f = c // 21 + d % 21
        b = mix(f, d)
        c = (c + 57) % 65536; f = f ^ c
        f = (f + 64) % 65536; b = b ^ f
        h = abs(b - c) + 39
        d = (e * 39 + d) % 1000003
        h = h ^ c
        a = a ^ c
        c = (f + f + 11) & 0xFFFFF
        if e > g:
            b = b + 1
        else:
            b = b - 1
        if h > g:
            e = e + 1
        else:
            e = e - 1
        c = mix(c, b)
        g = mix(f, g)
        a = (a << 3 | a & 7) & 0xFFFFF
        e = mix(a, c)
        g = (g + 6) % 65536; c = c ^ g
        f = g - h
        d = (d + 70) % 65536; e = e ^ d
        e = e ^ b
        f = mix(b, c)
        b = (e * 45 + c) % 1000003
        a = b - e
        g = abs(a - e) + 45
        if d > e:
            c = c + 1
        else:
            c = c - 1
        c = max(f, f) - min(f, 25)
        a = twist(g) & 0xFFFFF
        a = max(c, e) - min(c, 52)
        if e > e:
            e = e + 1
        else:
            e = e - 1
        g = (g << 3 | d & 7) & 0xFFFFF
        a = (a + 57) % 65536; c = c ^ a
        g = g ^ a
        e = (h * 95 + a) % 1000003
        h = abs(a - b) + 74
        b = b ^ d
        e = (e + 42) % 65536; f = f ^ e
        a = twist(d) & 0xFFFFF
        g = abs(g - c) + 3
        a = h // 57 + a % 57
        f = max(c, a) - min(c, 64)
        e = max(g, a) - min(g, 57)
        b = e // 85 + d % 85
        b = b ^ c
        h = abs(f - f) + 60
        h = h ^ e
        d = (c + e + 45) & 0xFFFFF
        c = max(d, e) - min(d, 72)
        g = g ^ c
        a = mix(a, b)
        e = (e << 3 | a & 7) & 0xFFFFF
        a = abs(c - b) + 95
        g = (g << 3 | f & 7) & 0xFFFFF
        a = (a + 86) % 65536; d = d ^ a
        e = twist(d) & 0xFFFFF
        g = max(c, c) - min(c, 48)
        a = (d * 95 + g) % 1000003
        d = abs(d - d) + 72
        a = (g * 49 + d) % 1000003
        d = abs(b - b) + 50
        e = abs(f - c) + 25
        if h > h:
            d = d + 1
        else:
            d = d - 1
        f = h // 93 + a % 93
        e = c // 29 + e % 29
        h = (d * 14 + h) % 1000003
        f = c - d
        g = (a * 6 + e) % 1000003
        if c > g:
            f = f + 1
        else:
            f = f - 1
        b = mix(e, g)
        d = max(h, e) - min(h, 63)
        a = a // 11 + a % 11
        c = mix(b, f)
        c = (a * 24 + b) % 1000003
        h = c // 36 + c % 36
        c = twist(a) & 0xFFFFF
        d = (g * 51 + e) % 1000003
        d = abs(a - h) + 43
        c = max(h, g) - min(h, 38)
        c = c // 79 + g % 79
        h = twist(e) & 0xFFFFF
        d = d ^ f
        h = h ^ f
        if h > g:
            d = d + 1
        else:
            d = d - 1
        b = (b << 3 | f & 7) & 0xFFFFF
        d = h // 19 + h % 19
        e = abs(g - a) + 37
        if e > b:
            b = b + 1
        else:
            b = b - 1
        d = (d << 3 | d & 7) & 0xFFFFF
        b = (e + d + 43) & 0xFFFFF
        e = max(b, e) - min(b, 34)
        if f > a:
            h = h + 1
        else:
            h = h - 1
        b = (a + e + 60) & 0xFFFFF
        a = b // 55 + h % 55
        d = (d << 3 | g & 7) & 0xFFFFF
        d = twist(h) & 0xFFFFF
        h = mix(b, a)
        c = max(b, b) - min(b, 35)
        c = c ^ b
        h = abs(g - h) + 62
        a = abs(g - c) + 14
        e = d // 30 + b % 30
        if h > b:
            g = g + 1
        else:
            g = g - 1
        b = max(g, b) - min(g, 91)
        g = d - a
        if h > b:
            d = d + 1
        else:
            d = d - 1
        b = abs(a - a) + 54
        f = (f + 39) % 65536; e = e ^ f
        c = (c << 3 | f & 7) & 0xFFFFF
        if i % 250 == 0:
            print("long", i, a, b, c, d, e, f, g, h)
    return (a, b, c, d, e, f, g, h)


r = long_body(2000)
print("long result", r)


# A second long body at module level, working on a list and a dict (globals),
# with a call in the middle of it whose behaviour changes half way.
def step(x, k):
    if x > K:
        return x - k
    return x + k * 2


K = 5000
L = [1, 2, 3, 4, 5, 6, 7, 8]
D = {}
for j in range(8):
    D["k" + str(j)] = j * 11
t = 0
for i in range(2500):
    t = t % 1000000007 ^ D['k7']
    L[4] = L[4] ^ (t & 1023)
    L[6] = L[6] ^ (t & 1023)
    L[1] = (L[5] + L[1] + 48) % 10007
    L[5] = L[5] ^ (t & 1023)
    t = t % 1000000007 ^ D['k2']
    t = t % 1000000007 ^ D['k2']
    t = t % 1000000007 ^ D['k7']
    L[7] = step(L[2], 29)
    t = t + L[6] * 25
    L[7] = step(L[1], 36)
    L[4] = (L[3] + L[1] + 12) % 10007
    L[0] = step(L[0], 38)
    L[4] = (L[0] + L[2] + 45) % 10007
    L[7] = L[7] ^ (t & 1023)
    D['k7'] = D['k6'] + L[6] - 26
    L[5] = (L[5] + L[0] + 40) % 10007
    L[5] = L[5] ^ (t & 1023)
    L[4] = step(L[7], 1)
    t = t + L[5] * 11
    L[5] = step(L[1], 18)
    t = t + L[2] * 37
    L[1] = (L[7] + L[1] + 22) % 10007
    L[6] = (L[3] + L[2] + 42) % 10007
    L[4] = L[4] ^ (t & 1023)
    L[6] = step(L[0], 13)
    L[2] = L[2] ^ (t & 1023)
    D['k5'] = D['k4'] + L[0] - 42
    L[7] = (L[4] + L[1] + 22) % 10007
    L[4] = (L[0] + L[2] + 40) % 10007
    t = t + L[2] * 20
    t = t % 1000000007 ^ D['k0']
    t = t % 1000000007 ^ D['k7']
    D['k6'] = D['k3'] + L[0] - 18
    D['k4'] = D['k7'] + L[6] - 19
    t = t + L[2] * 1
    D['k2'] = D['k7'] + L[6] - 33
    L[1] = (L[7] + L[7] + 23) % 10007
    D['k4'] = D['k3'] + L[6] - 32
    t = t % 1000000007 ^ D['k0']
    L[2] = L[2] ^ (t & 1023)
    L[6] = step(L[5], 50)
    t = t % 1000000007 ^ D['k1']
    D['k5'] = D['k5'] + L[2] - 12
    D['k7'] = D['k5'] + L[4] - 8
    L[0] = L[0] ^ (t & 1023)
    t = t + L[7] * 24
    L[7] = L[7] ^ (t & 1023)
    L[7] = (L[2] + L[3] + 16) % 10007
    L[4] = L[4] ^ (t & 1023)
    L[1] = step(L[4], 48)
    t = t % 1000000007 ^ D['k6']
    D['k0'] = D['k0'] + L[7] - 29
    t = t + L[0] * 31
    D['k1'] = D['k2'] + L[4] - 32
    t = t % 1000000007 ^ D['k0']
    L[7] = L[7] ^ (t & 1023)
    D['k2'] = D['k0'] + L[0] - 28
    D['k1'] = D['k2'] + L[2] - 25
    t = t % 1000000007 ^ D['k0']
    t = t % 1000000007 ^ D['k1']
    t = t + L[5] * 28
    L[1] = L[1] ^ (t & 1023)
    L[4] = (L[3] + L[1] + 8) % 10007
    t = t % 1000000007 ^ D['k5']
    L[2] = (L[0] + L[2] + 45) % 10007
    t = t % 1000000007 ^ D['k0']
    t = t % 1000000007 ^ D['k0']
    t = t % 1000000007 ^ D['k4']
    D['k6'] = D['k5'] + L[2] - 41
    t = t % 1000000007 ^ D['k6']
    L[3] = L[3] ^ (t & 1023)
    t = t + L[2] * 2
    L[6] = (L[5] + L[7] + 43) % 10007
    L[0] = step(L[5], 13)
    t = t + L[6] * 13
    t = t % 1000000007 ^ D['k0']
    t = t + L[0] * 14
    D['k2'] = D['k5'] + L[1] - 13
    D['k4'] = D['k6'] + L[4] - 12
    L[1] = step(L[1], 38)
    t = t + L[2] * 10
    L[6] = step(L[4], 22)
    L[2] = step(L[6], 45)
    L[0] = (L[0] + L[0] + 24) % 10007
    D['k2'] = D['k6'] + L[2] - 27
    D['k0'] = D['k6'] + L[4] - 27
    L[0] = (L[5] + L[6] + 5) % 10007
    L[6] = (L[3] + L[5] + 43) % 10007
    D['k7'] = D['k2'] + L[5] - 27
    L[5] = (L[1] + L[7] + 26) % 10007
    D['k0'] = D['k2'] + L[4] - 16
    L[7] = (L[5] + L[2] + 33) % 10007
    t = t + L[6] * 7
    L[7] = step(L[7], 13)
    L[7] = L[7] ^ (t & 1023)
    t = t + L[1] * 37
    t = t + L[7] * 16
    t = t % 1000000007 ^ D['k4']
    t = t + L[3] * 17
    L[4] = step(L[0], 22)
    D['k7'] = D['k6'] + L[6] - 25
    t = t + L[1] * 39
    L[7] = L[7] ^ (t & 1023)
    L[1] = step(L[2], 23)
    t = t + L[1] * 48
    L[7] = L[7] ^ (t & 1023)
    t = t + L[6] * 48
    L[4] = (L[5] + L[5] + 14) % 10007
    L[5] = (L[5] + L[0] + 36) % 10007
    L[7] = step(L[2], 48)
    L[7] = L[7] ^ (t & 1023)
    L[4] = (L[1] + L[0] + 33) % 10007
    D['k6'] = D['k1'] + L[4] - 40
    D['k1'] = D['k2'] + L[3] - 34
    L[2] = L[2] ^ (t & 1023)
    L[3] = L[3] ^ (t & 1023)
    L[2] = (L[6] + L[3] + 17) % 10007
    L[3] = (L[1] + L[3] + 34) % 10007
    L[3] = L[3] ^ (t & 1023)
    L[6] = L[6] ^ (t & 1023)
    L[1] = L[1] ^ (t & 1023)
    D['k1'] = D['k5'] + L[3] - 47
    L[1] = (L[6] + L[7] + 46) % 10007
    L[7] = step(L[6], 37)
    D['k4'] = D['k5'] + L[1] - 22
    L[1] = L[1] ^ (t & 1023)
    t = t + L[1] * 16
    L[1] = L[1] ^ (t & 1023)
    D['k3'] = D['k6'] + L[2] - 17
    t = t + L[2] * 22
    L[1] = L[1] ^ (t & 1023)
    L[0] = step(L[3], 12)
    L[4] = L[4] ^ (t & 1023)
    L[6] = step(L[2], 41)
    L[7] = (L[6] + L[3] + 35) % 10007
    t = t % 1000000007 ^ D['k1']
    L[3] = (L[5] + L[4] + 40) % 10007
    D['k7'] = D['k1'] + L[6] - 22
    L[0] = step(L[0], 3)
    L[2] = L[2] ^ (t & 1023)
    D['k1'] = D['k1'] + L[4] - 4
    L[5] = step(L[4], 2)
    t = t % 1000000007 ^ D['k5']
    t = t + L[1] * 6
    t = t + L[4] * 33
    L[6] = L[6] ^ (t & 1023)
    D['k3'] = D['k2'] + L[1] - 1
    D['k2'] = D['k5'] + L[2] - 38
    t = t % 1000000007 ^ D['k7']
    t = t % 1000000007 ^ D['k4']
    L[2] = step(L[3], 35)
    L[6] = L[6] ^ (t & 1023)
    L[2] = step(L[3], 37)
    L[4] = step(L[3], 33)
    L[7] = (L[7] + L[6] + 5) % 10007
    t = t + L[5] * 6
    L[5] = (L[4] + L[4] + 38) % 10007
    L[6] = step(L[3], 5)
    t = t % 1000000007 ^ D['k6']
    t = t % 1000000007 ^ D['k0']
    L[7] = (L[7] + L[1] + 12) % 10007
    L[2] = (L[1] + L[0] + 28) % 10007
    L[7] = (L[0] + L[3] + 46) % 10007
    L[6] = L[6] ^ (t & 1023)
    D['k2'] = D['k5'] + L[4] - 23
    t = t + L[4] * 16
    L[7] = step(L[1], 49)
    D['k6'] = D['k2'] + L[1] - 26
    t = t % 1000000007 ^ D['k5']
    t = t % 1000000007 ^ D['k7']
    t = t % 1000000007 ^ D['k0']
    L[6] = step(L[5], 35)
    L[2] = (L[7] + L[4] + 4) % 10007
    L[5] = (L[1] + L[5] + 34) % 10007
    t = t % 1000000007 ^ D['k4']
    L[4] = L[4] ^ (t & 1023)
    D['k5'] = D['k6'] + L[5] - 9
    L[3] = step(L[4], 11)
    L[1] = step(L[6], 3)
    L[5] = L[5] ^ (t & 1023)
    L[6] = L[6] ^ (t & 1023)
    t = t + L[6] * 24
    L[7] = (L[1] + L[0] + 33) % 10007
    t = t + L[5] * 28
    t = t % 1000000007 ^ D['k0']
    L[3] = (L[5] + L[5] + 45) % 10007
    t = t + L[7] * 36
    t = t % 1000000007 ^ D['k3']
    D['k3'] = D['k7'] + L[1] - 10
    L[7] = L[7] ^ (t & 1023)
    L[4] = (L[6] + L[2] + 33) % 10007
    D['k5'] = D['k1'] + L[6] - 5
    t = t + L[7] * 2
    D['k3'] = D['k0'] + L[5] - 6
    t = t + L[3] * 49
    t = t + L[4] * 10
    L[0] = L[0] ^ (t & 1023)
    L[3] = L[3] ^ (t & 1023)
    t = t % 1000000007 ^ D['k4']

    if i == 1250:
        K = 100
    if i % 250 == 0:
        print("module long", i, t, L, D["k0"], D["k7"])
print("module long result", t, L, sorted(D.items()))
