#!/usr/bin/env python3
"""Random deterministic Python program generator for differential testing of Sidewinder.

usage: gen.py SEED  -> program on stdout
"""
import random
import sys

AV = ["a", "b", "c"]
ALLOW_CLASS_ASSIGN = False
MASKS = ["M62", "M63", "M64", "M48", "1000003", "M32"]
BOUNDARY = [
    "4611686018427387903", "4611686018427387904", "-4611686018427387904", "-4611686018427387905",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "(2**62 - 3)", "(2**63 - 7)", "(1 << 61)", "3037000499", "3037000500", "2147483647",
    "(-(2**62) + 11)", "18446744073709551615", "(2**53 + 1)",
]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.out = []
        self.ind = 0
        self.n_int_funcs = 0
        self.n_float_funcs = 0
        self.n_risky = 0
        self.uid = 0
        self.lean = self.r.random() < 0.5

    # ---------------------------------------------------------------- utils
    def emit(self, line):
        self.out.append("    " * self.ind + line)

    def ch(self, seq):
        return self.r.choice(seq)

    def p(self, prob):
        return self.r.random() < prob

    def fresh(self, base):
        self.uid += 1
        return "%s%d" % (base, self.uid)

    # ---------------------------------------------------------------- exprs
    def small(self):
        return str(self.r.choice([0, 1, 2, 3, 5, 7, 10, 13, 31, 100, 255, 1000, -1, -3, -17]))

    def int_leaf(self, ctx):
        r = self.r.random()
        opts = []
        opts += ctx["ints"] * 3
        opts += ["i"] * 3 if ctx.get("i") else []
        opts.append(self.small())
        opts.append(self.small())
        if self.p(0.03 if self.lean else 0.3):
            opts.append(self.ch(BOUNDARY))
        if ctx.get("lists"):
            L = self.ch(ctx["lists"])
            opts.append("%s[%s %% len(%s)]" % (L, ctx.get("i") or "3", L))
            opts.append("len(%s)" % L)
        if ctx.get("tuples"):
            T, n = self.ch(ctx["tuples"])
            opts.append("%s[%d]" % (T, self.r.randrange(-n, n)))
        if ctx.get("dicts"):
            D = self.ch(ctx["dicts"])
            opts.append("%s.get(%s %% 13, %s)" % (D, ctx.get("i") or "5", self.small()))
        if ctx.get("objs"):
            o = self.ch(ctx["objs"])
            opts.append("%s.v" % o)
            opts.append("%s.w" % o)
            opts.append("%s.K" % o)
        if ctx.get("globals_ok", True):
            opts.append(self.ch(["G0", "G1", "G2", "Base.K"]))
        return self.ch(opts)

    def int_expr(self, ctx, depth=0):
        if depth >= 3 or self.p(0.3 + 0.15 * depth):
            return self.int_leaf(ctx)
        k = self.r.random()
        e = lambda: self.int_expr(ctx, depth + 1)
        if k < 0.40:
            op = self.ch(["+", "-", "*", "+", "-", "&", "|", "^"])
            return "(%s %s %s)" % (e(), op, e())
        if k < 0.48:
            op = self.ch(["//", "%"])
            return "(%s %s ((%s) | 1))" % (e(), op, e())
        if k < 0.53:
            return "(%s %s %d)" % (e(), self.ch([">>", "<<"]), self.r.randrange(0, 5))
        if k < 0.58:
            return "abs(%s)" % e()
        if k < 0.63:
            return "%s(%s, %s)" % (self.ch(["min", "max"]), e(), e())
        if k < 0.68:
            return "(%s if %s else %s)" % (e(), self.cond(ctx, depth + 1), e())
        nf = self.n_int_funcs if ctx.get("maxf") is None else ctx["maxf"]
        if k < 0.80 and nf > 0 and ctx.get("calls", True):
            return "f%d(%s, %s)" % (self.r.randrange(nf), e(), e())
        if k < 0.86 and ctx.get("objs") and ctx.get("calls", True):
            o = self.ch(ctx["objs"])
            return self.ch(["%s.get()" % o, "%s.calc(%s)" % (o, e())])
        if k < 0.90:
            return "(-%s)" % e()
        if k < 0.94 and ctx.get("floats"):
            return "int(%s %% 1000.0)" % self.float_expr(ctx, depth + 1)
        return "(%s %s %s)" % (e(), self.ch(["+", "-", "*"]), e())

    def float_leaf(self, ctx):
        opts = list(ctx.get("floats", [])) * 3
        opts += [self.ch(["0.5", "1.25", "3.0", "-2.5", "1e-3", "0.1", "1e15", "2.0"])]
        if ctx.get("i"):
            opts.append("float(%s)" % ctx["i"])
        if ctx["ints"]:
            opts.append(self.ch(ctx["ints"]))  # int in float context (mixing)
        if ctx.get("globals_ok", True):
            opts.append("GF")
        return self.ch(opts)

    def float_expr(self, ctx, depth=0):
        if depth >= 3 or self.p(0.35 + 0.15 * depth):
            return self.float_leaf(ctx)
        k = self.r.random()
        e = lambda: self.float_expr(ctx, depth + 1)
        if k < 0.5:
            return "(%s %s %s)" % (e(), self.ch(["+", "-", "*"]), e())
        if k < 0.62:
            return "(%s / (abs(%s) + 1.0))" % (e(), e())
        if k < 0.68 and self.n_float_funcs and ctx.get("calls", True):
            return "g%d(%s)" % (self.r.randrange(self.n_float_funcs), e())
        if k < 0.74:
            return "(%s if %s else %s)" % (e(), self.cond(ctx, depth + 1), e())
        if k < 0.80:
            return "%s(%s, %s)" % (self.ch(["min", "max"]), e(), e())
        if k < 0.86 and ctx["ints"]:
            return "(%s / ((%s) | 1))" % (self.ch(ctx["ints"] + ["i"] if ctx.get("i") else ctx["ints"]), self.int_leaf(ctx))
        if k < 0.92:
            return "(%s * %s)" % (e(), self.int_leaf(ctx))
        return "(-%s)" % e()

    def cond(self, ctx, depth=0):
        k = self.r.random()
        i = ctx.get("i")
        n = ctx.get("n", 100)
        if i and k < 0.25:
            return "%s %s %d" % (i, self.ch(["<", ">=", ">", "<="]), self.r.randrange(1, max(2, n)))
        if i and k < 0.40:
            return "%s %% %d %s %d" % (i, self.r.randrange(2, 9), self.ch(["==", "!="]), self.r.randrange(0, 2))
        if k < 0.60:
            return "%s %s %s" % (self.int_expr(ctx, depth + 1), self.ch(["<", ">", "==", "!=", "<=", ">="]),
                                 self.int_expr(ctx, depth + 1))
        if k < 0.70 and ctx.get("floats"):
            return "%s %s %s" % (self.float_expr(ctx, depth + 1), self.ch(["<", ">"]), self.float_expr(ctx, depth + 1))
        if k < 0.78 and ctx.get("poly"):
            return "isinstance(%s, %s)" % (self.ch(ctx["poly"]), self.ch(["int", "float", "(int, float)"]))
        if k < 0.84 and ctx.get("objs"):
            return "isinstance(%s, %s)" % (self.ch(ctx["objs"]), self.ch(["Sub", "Base", "Other"]))
        if k < 0.92 and depth < 2:
            return "(%s %s %s)" % (self.cond(ctx, depth + 1), self.ch(["and", "or"]), self.cond(ctx, depth + 1))
        if k < 0.96 and depth < 2:
            return "not (%s)" % self.cond(ctx, depth + 1)
        return "%s %% 3 == 0" % self.int_leaf(ctx)

    # ------------------------------------------------------------ preamble
    def preamble(self):
        E = self.emit
        E("# generated program")
        E("import math")
        E("PI_ORIG = math.pi")
        E("NAN = float('nan')")
        E("M62 = (1 << 62) - 1")
        E("M63 = (1 << 63) - 1")
        E("M64 = (1 << 64) - 1")
        E("M48 = (1 << 48) - 1")
        E("M32 = (1 << 32) - 1")
        E("G0 = %s" % self.ch(["7", "2**62 - 1", "-5", "1000"]))
        E("G1 = %s" % self.ch(["3", "2**63", "0", "-(2**62)"]))
        E("G2 = %s" % self.small())
        E("GF = %s" % self.ch(["0.5", "2.25", "-1.5"]))
        E("LST0 = [%s]" % ", ".join(str(self.r.randrange(-50, 50)) for _ in range(10)))
        E("DK = {%s}" % ", ".join("%d: %d" % (k, self.r.randrange(100)) for k in range(0, 9, 2)))
        E("")
        # exception
        if self.p(0.5):
            E("class MyErr(Exception):")
            E("    def __init__(self, code):")
            E("        super().__init__(code)")
            E("        self.code = code")
        else:
            E("class MyErr(Exception):")
            E("    pass")
        E("")
        E("def errcode(e):")
        E("    a0 = e.args[0] if e.args else 1")
        E("    if type(a0) is int:")
        E("        return a0 & 1023")
        E("    return 2")
        E("")
        # int helpers
        nf = self.r.randrange(2, 6)
        for k in range(nf):
            ctx = {"ints": ["p", "q"], "globals_ok": True, "maxf": k, "calls": k > 0}
            E("def f%d(p, q):" % k)
            style = self.r.randrange(4)
            if style == 0:
                E("    return (%s) & %s" % (self.int_expr(ctx), self.ch(MASKS)))
            elif style == 1:
                E("    if %s:" % self.cond(ctx))
                E("        return (%s) %% %s" % (self.int_expr(ctx), self.ch(MASKS)))
                E("    return (%s) & %s" % (self.int_expr(ctx), self.ch(MASKS)))
            elif style == 2:
                E("    t = 0")
                E("    for j in range(%d):" % self.r.randrange(1, 5))
                E("        t = (t + %s + j) & %s" % (self.int_expr(ctx), self.ch(MASKS)))
                E("    return t")
            else:
                E("    r = p")
                E("    if q < 0:")
                E("        r = -r")
                E("    r = r + %s" % self.int_leaf(ctx))
                E("    return r & %s" % self.ch(MASKS))
            E("")
            self.n_int_funcs += 1
        # float helpers
        ng = self.r.randrange(1, 3)
        for k in range(ng):
            ctx = {"ints": [], "floats": ["z"], "globals_ok": True, "calls": False}
            E("def g%d(z):" % k)
            E("    return %s" % self.float_expr(ctx))
            E("")
            self.n_float_funcs += 1
        # recursive
        E("def rec(n):")
        if self.p(0.5):
            E("    if n < 2:")
            E("        return n")
            E("    return rec(n - 1) + rec(n - 2)")
        else:
            E("    if n <= 0:")
            E("        return %s" % self.small())
            E("    return n + rec(n - 1) * %s" % self.ch(["1", "2", "3"]))
        E("")
        E("def deep(n, acc):")
        E("    if n == 0:")
        E("        return acc")
        E("    return deep(n - 1, (acc * 3 + n) & M64)")
        E("")
        # risky functions
        E("def risky0(v):")
        E("    return 1000 // (v %% %d)" % self.r.randrange(3, 30))
        E("def risky1(v):")
        E("    return LST0[v %% %d]" % self.r.randrange(11, 14))
        E("def risky2(v):")
        E("    return DK[v %% %d]" % self.r.randrange(7, 12))
        E("def risky3(v):")
        E("    if v %% %d == %d:" % (self.r.randrange(5, 40), self.r.randrange(0, 5)))
        E("        raise MyErr(v % 5)")
        E("    return v & 255")
        E("def risky4(v):")
        E("    return risky%d(v + 1) + %s(v & 7)" % (self.r.randrange(4), self.ch(["risky0", "risky1", "risky3", "abs"])))
        E("def risky5(v):")
        E("    try:")
        E("        return risky%d(v)" % self.r.randrange(5))
        E("    except %s:" % self.ch(["ZeroDivisionError", "IndexError", "KeyError", "MyErr", "Exception"]))
        E("        return -1")
        self.n_risky = 6
        E("")
        # classes
        E("class Base:")
        E("    K = %s" % self.small())
        E("    def __init__(self, v, w):")
        E("        self.v = v")
        E("        self.w = w")
        octx = {"ints": ["self.v", "self.w", "self.K"], "globals_ok": True, "calls": True, "maxf": self.n_int_funcs}
        E("    def get(self):")
        E("        return (%s) & %s" % (self.int_expr(octx), self.ch(MASKS)))
        E("    def calc(self, d):")
        octx2 = dict(octx, ints=["self.v", "self.w", "d"])
        E("        self.v = (%s) & %s" % (self.int_expr(octx2), self.ch(MASKS)))
        E("        return self.v")
        E("")
        E("class Sub(Base):")
        E("    def __init__(self, v, w):")
        E("        super().__init__(v, w)")
        E("        self.z = %s" % self.small())
        E("    def get(self):")
        E("        return (%s + self.z) & %s" % (self.int_expr(octx), self.ch(MASKS)))
        E("")
        E("class Other:")
        E("    K = %s" % self.small())
        E("    def __init__(self, v, w):")
        E("        self.w = w")
        E("        self.v = v + 1")
        E("    def get(self):")
        E("        return self.v - self.w")
        E("    def calc(self, d):")
        E("        self.w = (self.w + d) & M32")
        E("        return self.w")
        E("")
        E("class Vec:")
        E("    def __init__(self, x):")
        E("        self.x = x")
        E("    def __add__(self, o):")
        E("        return Vec((self.x + (o.x if isinstance(o, Vec) else o) + G2) & M32)")
        E("    def __lt__(self, o):")
        E("        return self.x < o.x")
        E("    def __eq__(self, o):")
        E("        return isinstance(o, Vec) and self.x == o.x")
        E("    def __hash__(self):")
        E("        return self.x % 11")
        E("    def __len__(self):")
        E("        return self.x % 5")
        E("    def __getitem__(self, k):")
        E("        if k > %d:" % self.r.randrange(2, 6))
        E("            raise IndexError(k)")
        E("        return self.x + k")
        E("    def __bool__(self):")
        E("        return self.x %% %d != 0" % self.r.randrange(2, 5))
        E("VS = [Vec(k * %d) for k in range(12)]" % self.r.randrange(1, 9))
        E("def vkey(v):")
        E("    return (v.x * %d) %% 7" % self.r.randrange(1, 9))
        E("def alt_get(self):")
        E("    return (%s) & M48" % self.int_expr(octx))
        E("def alt_calc(self, d):")
        E("    return (self.v * %s + d) & M62" % self.small())
        E("")
        # global rebinders / builtin shadowing
        E("def f0_alt(p, q):")
        E("    return (p - q * %s) & M48" % self.small())
        E("F0_ORIG = f0")
        E("def set_f0(flag):")
        E("    global f0")
        E("    f0 = f0_alt if flag else F0_ORIG")
        E("def set_pi(v):")
        E("    math.pi = v")
        E("def solo(d):")
        E("    return d & 255")
        depth = self.r.randrange(5, 12)
        for k in range(depth):
            E("def h%d(v):" % k)
            if k == depth - 1:
                E("    return v * %s + %s" % (self.small(), self.ch(["G2", "1", "Base.K"])))
            else:
                E("    if v %% %d == %d:" % (self.r.randrange(2, 50), self.r.randrange(2)))
                E("        return h%d(v + 1) - 1" % (k + 1))
                E("    return h%d(v) + %s" % (k + 1, self.small()))
        E("def set_g0(v):")
        E("    global G0")
        E("    G0 = v")
        E("def set_g1(v):")
        E("    global G1")
        E("    G1 = v")
        E("def set_gf(v):")
        E("    global GF")
        E("    GF = v")
        E("def my_len(z):")
        E("    return 1")
        E("def my_abs(z):")
        E("    return z if z > 0 else 1 - z")
        E("def my_min(p, *rest):")
        E("    return rest[0] if rest else p[-1]")
        E("def my_max(p, *rest):")
        E("    return rest[0] if rest else p[0]")
        E("def my_isinstance(p, q):")
        E("    return %s" % self.ch(["True", "False"]))
        for b in ["len", "abs", "min", "max", "isinstance"]:
            E("def shadow_%s():" % b)
            E("    global %s" % b)
            E("    %s = my_%s" % (b, b))
            E("def unshadow_%s():" % b)
            E("    global %s" % b)
            E("    try:")
            E("        del %s" % b)
            E("    except NameError:")
            E("        pass")
        E("")

    # ------------------------------------------------------------ sections
    def section(self, idx):
        as_func = self.p(0.7)
        E = self.emit
        n = self.ch([2000, 3000, 5000] if self.lean else [200, 500, 1000, 1500, 2000, 3000])
        name = "sec%d" % idx
        ints = ["a", "b", "c"]
        floats = ["x", "y"]
        lists = ["L"]
        tuples = [("T", 0)]
        dicts = ["D"]
        objs = ["o"]
        if as_func:
            E("def %s():" % name)
            self.ind += 1
        else:
            E("# section %d at module level" % idx)
        if not as_func:
            # module-level: use distinct names so other sections' locals don't collide
            pass
        E("a = %s" % self.ch((["0", "1", "12345", "(2**62 - 2000)"] if self.lean else BOUNDARY + ["0", "1", "12345"])))
        E("b = %s" % self.ch((["7", "-3", "100"] if self.lean else BOUNDARY + ["7", "-3"])))
        E("c = %s" % self.small())
        E("x = %s" % self.ch(["0.0", "1.5", "-0.25", "1e10"]))
        E("y = %s" % self.ch(["2.0", "0.1", "-3.75"]))
        tl = self.r.randrange(2, 7)
        tuples = [("T", tl)]
        E("T = (%s)" % "".join("%s, " % self.ch(["1", "2", "-5", "2**62", "100", "7"]) for _ in range(tl)))
        E("L = [%s]" % ", ".join(self.ch(["0", "1", "3", "2**63 - 1", "-8", "42"]) for _ in range(self.r.randrange(3, 9))))
        E("D = {%s}" % ", ".join("%d: %d" % (k, self.r.randrange(1000)) for k in range(0, 13, self.r.randrange(1, 4))))
        E("o = %s(%s, %s)" % (self.ch(["Base", "Sub", "Base"]), self.ch(["1", "5"] if self.lean else BOUNDARY + ["1", "5"]), self.small()))
        E("pv = %s" % self.ch(["0", "1.5", "2**62"]))
        E("s = ''")
        E("ck = 0")
        ctx = {"ints": ints, "floats": floats, "lists": lists, "tuples": tuples, "dicts": dicts,
               "objs": objs, "i": "i", "n": n, "poly": ["pv"]}
        loop_kind = self.r.randrange(4)
        if loop_kind == 0 or loop_kind == 3:
            E("for i in range(%d):" % n)
        elif loop_kind == 1:
            E("i = 0")
            E("while i < %d:" % n)
        else:
            E("for i in list(range(%d)):" % n)
        self.ind += 1
        if loop_kind == 1:
            E("i += 1")
        self.body(ctx, self.r.randrange(2, 7) if self.lean else self.r.randrange(5, 14), 0)
        # periodic checksum print
        P = self.ch([97, 128, 200, 250, 333, 500])
        E("ck = (ck * 31 + a + b - c + int(x %% 1000.0) + len(s) + %s) & M48" % self.ch(["o.v", "L[0]", "len(L)", "D.get(3, 0)", "0"]))
        E("if i %% %d == %d:" % (P, self.r.randrange(P)))
        E("    print('%s', i, ck, a, b, c, repr(x), repr(y), pv, s[-12:])" % name)
        self.ind -= 1
        E("print('%s end', ck, a, b, c, x, y, L[:6], sorted(D.items())[:6], T, o.v, o.w, pv, s[-20:])" % name)
        if as_func:
            self.ind -= 1
            E("")
            E("%s()" % name)
        E("")

    def body(self, ctx, nstmts, depth):
        for _ in range(nstmts):
            self.stmt(ctx, depth)

    def mask(self):
        return self.ch(["M32", "M48", "1000003"] if self.lean else MASKS)

    def mask_assign(self, var, expr):
        k = self.r.random()
        if self.lean:
            self.emit("%s = (%s) & %s" % (var, expr, self.mask()))
            return
        if k < 0.6:
            self.emit("%s = (%s) & %s" % (var, expr, self.ch(MASKS)))
        elif k < 0.9:
            self.emit("%s = (%s) %% %s" % (var, expr, self.ch(MASKS)))
        else:
            self.emit("%s = (%s) & M64 if %s else -((%s) & M62)" % (var, expr, self.cond(ctx_simple(var)), expr))

    def extra(self, ctx, depth):
        E = self.emit
        n = ctx["n"]
        ints = ctx["ints"]
        kk = self.r.randrange(48)
        K = self.r.randrange(1, n)
        if kk >= 28:
            return self.extra2(ctx, depth, kk - 28, K)
        if kk == 0:
            E("ck = (ck + L[(i % (2 * len(L))) - len(L)]) & M48")
        elif kk == 1:
            E("L[(%s %% (2 * len(L))) - len(L)] = (%s) & M64" % (self.ch(["i", "(i * 7 + a)"]), self.int_expr(ctx)))
        elif kk == 2:
            E("ck = (ck + T[(i % (2 * len(T))) - len(T)] + T[-1]) & M48")
        elif kk == 3:
            w = self.fresh("W")
            e = self.fresh("e")
            c = self.fresh("cnt")
            E("%s = [i, i + 1, %s, 3, 9]" % (w, self.int_leaf(ctx)))
            E("%s = 0" % c)
            E("for %s in %s:" % (e, w))
            E("    %s += 1" % c)
            E("    ck = (ck + %s * %s) & M48" % (e, c))
            E("    if %s > %d:" % (c, self.r.randrange(3, 12)))
            E("        break")
            E("    if %s %% 3 == 0:" % e)
            E("        %s.append(%s + 1)" % (w, e))
            E("    elif %s %% 3 == 1:" % e)
            E("        del %s[0]" % w)
        elif kk == 4:
            E("if i %% %d == %d:" % (self.r.randrange(5, 60), self.r.randrange(5)))
            E("    o.K = i")
            E("if i %% %d == %d:" % (self.r.randrange(5, 60), self.r.randrange(5)))
            E("    try:")
            E("        del o.K")
            E("    except AttributeError:")
            E("        ck = (ck + 1) & M48")
            E("ck = (ck + o.K) & M48")
        elif kk == 5:
            E("x = (x + math.sqrt(abs(x)) + math.floor(y) + math.pi) % 1000.0")
            if self.p(0.5):
                E("if i == %d:" % K)
                E("    set_pi(%s)" % self.ch(["3.0", "3", "PI_ORIG + 1.0"]))
                E("if i == %d:" % self.r.randrange(K, n + 1))
                E("    set_pi(PI_ORIG)")
        elif kk == 6:
            E("try:")
            E("    y = (y + %s / (float(i %% %d) - %d.0)) %% 1000.0" % (self.ch(["1.0", "x", "2.5"]), self.r.randrange(20, 60), self.r.randrange(0, 20)))
            E("except ZeroDivisionError:")
            E("    ck = (ck + 3) & M48")
        elif kk == 7:
            fz = self.fresh("fz")
            E("%s = NAN if i %% %d == %d else float(i)" % (fz, self.r.randrange(2, 20), self.r.randrange(2)))
            E("if %s %s %s:" % (fz, self.ch(["<", ">=", "==", "!="]), self.ch(["500.0", fz, "x"])))
            E("    ck = (ck + 1) & M48")
            E("if not (%s > %s):" % (fz, self.ch(["3.0", "y"])))
            E("    ck = (ck + 5) & M48")
        elif kk == 8:
            E("ck = (ck + (i > %d) + (a < b) * 2 + True + (x > y)) & M48" % K)
        elif kk == 9:
            w = self.fresh("w")
            E("%s = '%s'[i %% 6]" % (w, self.ch(["abcdef", "zyxabc", "aAbBcC"])))
            E("if %s < 'c':" % w)
            E("    s += %s" % w)
            E("elif %s in 'dex':" % w)
            E("    ck = (ck + ord(%s)) & M48" % w)
            E("if s and s[-1] == 'a':")
            E("    s += 'b'")
        elif kk == 10:
            p, q = self.fresh("p"), self.fresh("q")
            E("%s, %s = (a, i) if i %% %d else [i, b]" % (p, q, self.r.randrange(2, 6)))
            E("ck = (ck + %s - %s) & M48" % (p, q))
            E("%s, *%s = T" % (p, q))
            E("ck = (ck + %s + len(%s)) & M48" % (p, q))
            E("try:")
            E("    %s, %s = L[:i %% 4]" % (p, q))
            E("    ck = (ck + %s) & M48" % q)
            E("except ValueError:")
            E("    ck = (ck + 11) & M48")
        elif kk == 11:
            E("D[i %% %d == 0] = i" % self.r.randrange(2, 9))
            E("ck = (ck + D.get(1.0, 0) + D.get(True, 1) + D[0]) & M48")
        elif kk == 12:
            E("if i %% %d == 0:" % self.r.randrange(3, 100))
            E("    globals()['G2'] = i %% %d" % self.r.randrange(2, 9))
            E("ck = (ck + G2) & M48")
        elif kk == 13:
            E("if i == %d:" % K)
            E("    set_f0(%s)" % self.ch(["True", "i % 2 == 0"]))
            if self.p(0.5):
                E("if i == %d:" % self.r.randrange(K, n + 1))
                E("    set_f0(False)")
            E("ck = (ck + f0(i, %s)) & M48" % self.ch(ints))
        elif kk == 14:
            E("ck = (ck + h0(%s)) & M48" % self.ch(["i", "a & 1023", "i * 3"]))
        elif kk == 15:
            E("if i >= %d:" % K)
            E("    o.extra = i")
            E("ck = (ck + o.v + o.w) & M48")
        elif kk == 16:
            E("o.u = i * 0.5 if i > %d else i" % K)
            E("ck = (ck + int(o.u * 2)) & M48")
        elif kk == 17:
            t = self.fresh("tmp")
            E("%s = i" % t)
            E("if i %% %d == 0:" % self.r.randrange(2, 20))
            E("    del %s" % t)
            E("try:")
            E("    ck = (ck + %s) & M48" % t)
            E("except NameError:")
            E("    ck = (ck + 1) & M48")
        elif kk == 18 and depth < 2:
            j = self.fresh("j")
            E("for %s in range(%s):" % (j, self.ch(["%d, 0, -3" % self.r.randrange(1, 12), "-i % 7, 5", "i % 3, i % 9, 2", "-2, 2"])))
            E("    ck = (ck + %s * %s) & M48" % (j, self.int_leaf(ctx)))
            if self.p(0.5):
                E("else:")
                E("    ck = (ck + 17) & M48")
        elif kk == 19 and ALLOW_CLASS_ASSIGN:
            E("if i == %d:" % K)
            E("    o.__class__ = %s" % self.ch(["Base", "Other"]))
        elif kk == 20:
            o2 = self.fresh("o")
            E("%s = %s(i, %s & 255)" % (o2, self.ch(["Sub", "Base", "Other"]), self.ch(ints)))
            E("ck = (ck + %s.get() + %s.v) & M48" % (o2, o2))
        elif kk == 21:
            E("try:")
            E("    ck = (ck + Base(i, 1 // (i %% %d)).get()) & M48" % self.r.randrange(3, 40))
            E("except ZeroDivisionError:")
            E("    ck = (ck + 13) & M48")
        elif kk == 22:
            E("if i == %d:" % K)
            E("    o.calc = solo")
            if self.p(0.6):
                E("if i == %d:" % self.r.randrange(K, n + 1))
                E("    try:")
                E("        del o.calc")
                E("    except AttributeError:")
                E("        ck = (ck + 2) & M48")
            E("ck = (ck + o.calc(i)) & M48")
        elif kk == 23:
            E("ck = (ck + (a > 2**62) + (b < -(2**62)) * 2 + (a == b)) & M48")
            E("%s = (-%s) & M64" % (self.ch(AV), self.ch(ints)))
        elif kk == 24:
            E("pv = %s" % self.ch(["True", "i % 3 == 0", "i", "(i > %d)" % K]))
            E("ck = (ck + pv + pv * 3 + (pv if isinstance(pv, int) else 0)) & M48")
        elif kk == 25:
            j = self.fresh("j")
            E("%s = 0" % j)
            E("while %s < %d:" % (j, self.r.randrange(2, 6)))
            E("    %s += 1" % j)
            E("    if %s == i %% 4:" % j)
            E("        break")
            E("else:")
            E("    ck = (ck + 19) & M48")
        elif kk == 26:
            E("ck = (ck + len(s) + len(L) + len(D) + len(T) + len('abc')) & M48")
        else:
            E("s = s + str(x)[:3] + %s" % self.ch(["str(a % 7)", "f'{y:.2f}'", "repr(pv)[:4]", "'%d' % (i % 10)"]))
            E("if len(s) > 50:")
            E("    s = s[-20:]")

    def extra2(self, ctx, depth, kk, K):
        E = self.emit
        n = ctx["n"]
        ints = ctx["ints"]
        v = self.fresh("v")
        if kk >= 16:
            w = self.fresh("vv")
            E("%s = VS[i %% 12] + VS[(i * %d) %% 12]" % (w, self.r.randrange(1, 12)))
            k2 = self.r.randrange(4)
            if k2 == 0:
                E("if %s < VS[i %% 12] or %s in VS[:4] or %s:" % (w, w, w))
                E("    ck = (ck + len(%s)) & M48" % w)
            elif k2 == 1:
                E("try:")
                E("    ck = (ck + %s[i %% 7]) & M48" % w)
                E("except IndexError:")
                E("    ck = (ck + 1) & M48")
            elif k2 == 2:
                E("if i %% %d == 0:" % self.r.randrange(20, 200))
                E("    ck = (ck + sorted(VS, key=vkey)[0].x + max(VS).x + min(VS, key=vkey).x) & M48")
            else:
                E("D[%s.x %% 13] = len({%s: 1, VS[0]: 2})" % (w, w))
            return
        if kk == 0 and depth < 2:
            E("for %s in D:" % v)
            E("    ck = (ck + %s * 3 + D[%s]) & M48" % (v, v))
            E("    if %s > %d:" % (v, self.r.randrange(0, 13)))
            E("        break")
        elif kk == 1 and depth < 2:
            E("for %s in s[-%d:]:" % (v, self.r.randrange(1, 8)))
            E("    if %s in 'aeiouxy':" % v)
            E("        ck = (ck + ord(%s)) & M48" % v)
            E("    elif %s.isdigit():" % v)
            E("        ck = (ck + int(%s)) & M48" % v)
        elif kk == 2 and depth < 2:
            w = self.fresh("w")
            E("for %s, %s in enumerate(%s):" % (v, w, self.ch(["L[:5]", "T"])))
            E("    ck = (ck + %s * (%s & 1023)) & M48" % (v, w))
        elif kk == 3 and depth < 2:
            w = self.fresh("w")
            E("for %s, %s in zip(L, T):" % (v, w))
            E("    ck = (ck + (%s ^ %s) %% 1000) & M48" % (v, w))
        elif kk == 4 and depth < 2:
            w = self.fresh("w")
            E("for %s, %s in %s(D.items())[:4]:" % (v, w, self.ch(["list", "sorted"])))
            E("    ck = (ck + %s - %s) & M48" % (v, w))
        elif kk == 5:
            E("%s = '%s'.split('%s')" % (v, self.ch(["a,b,,c", "x y z", "1-2-3-"]), self.ch([",", " ", "-"])))
            E("s = s + '%s'.join(%s).upper()[:4] + str(len(%s))" % (self.ch(["", "+", ".."]), v, v))
            E("if s.startswith('A') or s.endswith('3') or s.find('X') >= 0:")
            E("    ck = (ck + 1) & M48")
            E("s = s.replace('AA', 'a')[-30:]")
        elif kk == 6:
            E("%s = %s" % (v, self.ch(["None if i % 3 == 0 else i", "D.get(i % 17)", "(L or None)"])))
            E("if %s is None:" % v)
            E("    ck = (ck + 1) & M48")
            E("elif %s is not None and %s:" % (v, v))
            E("    ck = (ck + 2) & M48")
        elif kk == 7:
            E("%s = ~(%s) + (+%s) + (not %s)" % (self.ch(AV), self.int_expr(ctx), self.ch(ints), self.ch(ints)))
            E("%s = %s & M64" % (self.ch(AV), self.ch(AV)))
        elif kk == 8:
            E("if (i %% %d) in L or i in D or %s in T or 'a' in s:" % (self.r.randrange(2, 50), self.ch(ints)))
            E("    ck = (ck + 5) & M48")
        elif kk == 9:
            E("L[1:3] = [%s, i]" % self.ch(["a & 255", "c", "7"]))
            E("ck = (ck + sum(L[-3:]) + len(L[::2])) & M48")
        elif kk == 10:
            E("def %s(z, k=%s):" % (v, self.ch(["i", "3", "c & 7"])))
            E("    return z * 2 + k")
            E("ck = (ck + %s(i) + %s(i, 1)) & M48" % (v, v))
        elif kk == 11:
            E("%s = lambda z: z + %s" % (v, self.ch(["1", "G2", "Base.K"])))
            E("ck = (ck + %s(i)) & M48" % v)
        elif kk == 12:
            E("ck = (ck + f0(q=i, p=%s) + f1(*(i, 3))) & M48" % self.ch(ints) if self.n_int_funcs > 1 else "ck = (ck + f0(q=i, p=1)) & M48")
        elif kk == 13:
            E("try:")
            E("    for %s in D:" % v)
            E("        if i %% %d == 0:" % self.r.randrange(2, 30))
            E("            D[%s + 100] = 1" % v)
            E("        ck = (ck + %s) & M48" % v)
            E("except RuntimeError:")
            E("    ck = (ck + 9) & M48")
            E("for %s in [k for k in D if k >= 100]:" % v)
            E("    del D[%s]" % v)
        elif kk == 14:
            E("%s = [e * 2 for e in %s if e %% 3 != 1]" % (v, self.ch(["L", "T", "range(i % 7)"])))
            E("ck = (ck + len(%s) + (sum(%s) & M32)) & M48" % (v, v))
        else:
            E("%s = %s" % (v, self.ch(["(i, a)", "[x, i]", "{'k': i}", "str(i)", "i * 1.5"])))
            E("ck = (ck + hash(%s) %% 1000) & M48" % v if False else "ck = (ck + len(str(%s))) & M48" % v)

    def stmt(self, ctx, depth):
        E = self.emit
        n = ctx["n"]
        if self.p(0.3):
            return self.extra(ctx, depth)
        k = self.r.random()
        ints = ctx["ints"]
        if k < 0.14:
            self.mask_assign(self.ch(AV), self.int_expr(ctx))
        elif k < 0.19:
            # additive, unmasked: crosses boundaries
            v = self.ch(AV)
            E("%s %s= %s" % (v, self.ch(["+", "-"]), self.ch(["i", "1", "3", "(i * %d)" % self.r.randrange(1, 1 << 20), "G2", "c & 1023"])))
            E("if %s > M64 or %s < -M64:" % (v, v))
            E("    %s = %s" % (v, self.ch(BOUNDARY)))
        elif k < 0.25:
            E("%s = (%s) %% %s" % (self.ch(ctx["floats"]), self.float_expr(ctx), self.ch(["1000.0", "7.5", "1e6"])))
        elif k < 0.29:
            # poly var changes type mid loop
            K = self.r.randrange(1, n)
            E("if i < %d:" % K)
            E("    pv = (i * %s) & M63" % self.ch(["3", "2**40", "7"]))
            E("elif i < %d:" % (K + self.r.randrange(1, n)))
            E("    pv = i * 0.5 + %s" % self.ch(["x", "1.0"]))
            E("else:")
            E("    pv = %s" % self.ch(["2**64 + i", "True", "i - 3", "-(2**63) - i"]))
            E("ck = (ck + int(pv * 3 + 1) + (1 if pv < 100 else 2)) & M48")
        elif k < 0.37 and depth < 2:
            E("if %s:" % self.cond(ctx))
            self.ind += 1
            self.body(ctx, self.r.randrange(1, 4), depth + 1)
            self.ind -= 1
            if self.p(0.3):
                E("elif %s:" % self.cond(ctx))
                self.ind += 1
                self.body(ctx, self.r.randrange(1, 3), depth + 1)
                self.ind -= 1
            if self.p(0.5):
                E("else:")
                self.ind += 1
                self.body(ctx, self.r.randrange(1, 3), depth + 1)
                self.ind -= 1
        elif k < 0.42:
            L = self.ch(ctx["lists"])
            kk = self.r.randrange(3)
            if kk == 0:
                E("%s[%s %% len(%s)] = (%s) & M64" % (L, self.int_expr(ctx), L, self.int_expr(ctx)))
            elif kk == 1:
                E("%s.append((%s) & M63)" % (L, self.int_expr(ctx)))
                E("if len(%s) > %d:" % (L, self.r.randrange(8, 40)))
                E("    del %s[%s]" % (L, self.ch(["0", "-1", "1"])))
            else:
                E("ck = (ck + sum(%s[:4]) + max(%s) - min(%s)) & M48" % (L, L, L))
        elif k < 0.47:
            D = self.ch(ctx["dicts"])
            kk = self.r.randrange(3)
            key = "(%s) %% 13" % self.int_expr(ctx)
            if kk == 0:
                E("%s[%s] = (%s) & M32" % (D, key, self.int_expr(ctx)))
            elif kk == 1:
                kv = self.fresh("k")
                E("%s = %s" % (kv, key))
                E("%s[%s] = %s.get(%s, 0) + 1" % (D, kv, D, kv))
            else:
                E("if %s in %s:" % (key, D))
                E("    ck = (ck + %s[next_key(%s)]) & M48" % (D, D))
        elif k < 0.52:
            kk = self.r.randrange(4)
            if kk == 0:
                E("s += str((%s) %% 100)" % self.int_expr(ctx))
            elif kk == 1:
                E("s += chr(65 + i % 26)")
            elif kk == 2:
                E("s = s + f\"{%s %% 10}{'x' if %s else 'y'}\"" % (self.ch(ctx["ints"]), self.cond(ctx)))
            else:
                E("s += '%s'" % self.ch(["ab", "-", "z", "Q"]))
            E("if len(s) > %d:" % self.r.randrange(20, 80))
            E("    s = s[%d:]" % self.r.randrange(5, 15))
        elif k < 0.58:
            o = self.ch(ctx["objs"])
            kk = self.r.randrange(4)
            if kk == 0:
                E("%s.v = (%s) & M62" % (o, self.int_expr(ctx)))
            elif kk == 1:
                E("%s = (%s + %s.get()) & M64" % (self.ch(AV), self.ch(ints), o))
            elif kk == 2:
                E("%s.calc(%s)" % (o, self.int_expr(ctx)))
            else:
                E("%s.w = %s.w + %s" % (o, o, self.ch(["1", "i", "-2"])))
                E("if %s.w > M62: %s.w = 0" % (o, o))
        elif k < 0.66:
            # mid-loop mutation events
            K = self.r.randrange(1, n)
            kk = self.r.randrange(10)
            E("if i == %d:" % K)
            if kk == 0:
                E("    set_g%s(%s)" % (self.ch(["0", "1"]), self.ch(BOUNDARY + ["5", "-1", "1.5"] * 0 + ["5", "-1"])))
            elif kk == 1:
                E("    Base.K = %s" % self.ch(["Base.K + 1", "2**62", "-7", "0"]))
            elif kk == 2:
                E("    %s.%s = alt_%s" % (self.ch(["Base", "Sub"]), *([self.ch(["get", "calc"])] * 2)))
            elif kk == 3:
                b = self.ch(["len", "abs", "min", "max", "isinstance"])
                E("    shadow_%s()" % b)
                K2 = self.r.randrange(K + 1, n + 1)
                E("if i == %d:" % K2)
                E("    unshadow_%s()" % b)
            elif kk == 4:
                E("    o = %s(%s, %s)" % (self.ch(["Sub", "Other", "Base"]), self.int_leaf(ctx), self.small()))
            elif kk == 5:
                E("    set_gf(%s)" % self.ch(["1.75", "3", "-0.5"]))
            elif kk == 6:
                E("    Sub.K = %s" % self.ch(["1", "2**63", "-4"]))
            elif kk == 7:
                E("    L = [%s]" % ", ".join(self.ch(["1", "2", "2**62", "-9"]) for _ in range(self.r.randrange(1, 6))))
            elif kk == 8:
                E("    %s = %s" % (self.ch(AV), self.ch(BOUNDARY)))
            else:
                E("    x = %s" % self.ch(["0.0", "1e10", "-1e-300", "5.5"]))
        elif k < 0.74:
            # try / except around risky calls
            r = self.r.randrange(self.n_risky)
            E("try:")
            E("    t = risky%d(%s)" % (r, self.ch(["i", "a", "i * 3 + 1", "(%s)" % self.int_expr(ctx)])))
            E("    ck = (ck + t) & M48")
            if self.p(0.3):
                E("    if i %% %d == %d:" % (self.r.randrange(20, 200), self.r.randrange(20)))
                E("        raise MyErr(i % 9)")
            handlers = self.r.sample(["ZeroDivisionError", "IndexError", "KeyError", "MyErr", "(IndexError, KeyError)", "ArithmeticError", "LookupError"], self.r.randrange(1, 4))
            for h in handlers:
                E("except %s as e:" % h)
                E("    ck = (ck + %s + errcode(e)) & M48" % self.ch(["1", "i", "len(str(e))"]))
            E("except Exception as e:")
            E("    ck = (ck + 7 + errcode(e)) & M48")
            if self.p(0.2):
                E("finally:")
                E("    c = (c + 1) & M32")
        elif k < 0.80 and depth < 2:
            # inner loop
            kk = self.r.randrange(4)
            j = self.fresh("j")
            if kk == 0:
                E("for %s in range(%s):" % (j, self.ch(["3", "i % 5", "len(T)", "c & 3"])))
            elif kk == 1:
                E("for %s in T:" % j)
            elif kk == 2:
                E("for %s in L[:4]:" % j)
            else:
                E("%s = 0" % j)
                E("while %s < %s:" % (j, self.ch(["3", "i % 4", "2"])))
                E("    %s += 1" % j)
            self.ind += 1
            ctx2 = dict(ctx, ints=ctx["ints"] + [j])
            if self.p(0.5):
                E("if %s:" % self.cond(ctx2))
                E("    %s" % self.ch(["break", "continue"]))
            self.body(ctx2, self.r.randrange(1, 4), depth + 1)
            if self.p(0.3):
                E("if %s:" % self.cond(ctx2))
                E("    break")
            self.ind -= 1
        elif k < 0.84:
            E("ck = (ck + rec(i %% %d) + deep(i %% %d, %s)) & M48" % (self.r.randrange(3, 12), self.r.randrange(2, 12), self.ch(ints)))
        elif k < 0.88 and depth < 3:
            if self.p(0.5):
                E("if %s:" % self.cond(ctx))
                E("    continue")
            else:
                E("if i == %d:" % self.r.randrange(n // 2, n + 10))
                E("    break")
        elif k < 0.93:
            E("%s = %s" % (self.ch(AV), "(%s) & M63" % self.int_expr(ctx)))
            E("if %s:" % self.cond(ctx))
            E("    %s = abs(%s) + len(L)" % (self.ch(AV), self.ch(ints)))
        else:
            # float/int mixing assignment
            E("%s = (%s + %s * %s) %% 1e6" % (self.ch(ctx["floats"]), self.ch(ctx["floats"]), self.ch(ints), self.ch(["0.5", "1e-9", "3"])))


def ctx_simple(v):
    return {"ints": [v], "i": "i", "n": 100, "globals_ok": False, "calls": False}


def generate(seed):
    g = Gen(seed)
    g.preamble()
    g.emit("def next_key(d):")
    g.emit("    for kk in d:")
    g.emit("        return kk")
    g.emit("    return 0")
    g.emit("")
    nsec = g.r.randrange(3, 7)
    for s in range(nsec):
        g.section(s)
    if g.p(0.08):
        # end with an uncaught exception raised from a hot loop
        g.emit("def final():")
        g.emit("    t = 0")
        g.emit("    for i in range(1000):")
        g.emit("        t = (t + f0(i, t)) & M64")
        g.emit("        if i == %d:" % g.r.randrange(100, 999))
        g.emit("            t += %s" % g.ch(["LST0[100]", "DK[1]", "1 // (t - t)", "risky3(-1) + int('zz')"]))
        g.emit("    return t")
        g.emit("print('final', final())")
    return "\n".join(g.out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1])))
