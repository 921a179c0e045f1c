# A generator-based tokenizer and parser for arithmetic expressions.
class ParseError(Exception):
    pass

def tokens(text):
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == " ":
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            yield ("num", int(text[i:j]))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(text) and text[j].isalnum():
                j += 1
            yield ("name", text[i:j])
            i = j
        elif ch in "+-*/()":
            yield ("op", ch)
            i += 1
        else:
            raise ParseError("bad character " + repr(ch))
    yield ("end", None)

class Parser:
    def __init__(self, text, env):
        self.toks = tokens(text)
        self.env = env
        self.cur = next(self.toks)
    def advance(self):
        t = self.cur
        self.cur = next(self.toks)
        return t
    def expr(self):
        v = self.term()
        while self.cur in [("op", "+"), ("op", "-")]:
            op = self.advance()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.atom()
        while self.cur in [("op", "*"), ("op", "/")]:
            op = self.advance()[1]
            r = self.atom()
            v = v * r if op == "*" else v // r
        return v
    def atom(self):
        kind, val = self.advance()
        if kind == "num":
            return val
        if kind == "name":
            return self.env[val]
        if (kind, val) == ("op", "("):
            v = self.expr()
            self.advance()
            return v
        if (kind, val) == ("op", "-"):
            return -self.atom()
        raise ParseError("unexpected " + str(val))

print(list(tokens("x1 + 42*(y - 7)")))
env = {"x": 3, "y": 10}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "x * y - 4 / 2", "-(x + 1) * 2", "100 / 7 / 2", "2 $ 3", "x + z"]:
    try:
        print(src, "=", Parser(src, env).expr())
    except ParseError as e:
        print(src, "-> ParseError:", e)
    except KeyError as e:
        print(src, "-> unknown name", e)

def count_kinds(text):
    counts = {}
    for kind, _ in tokens(text):
        counts[kind] = counts.get(kind, 0) + 1
    return counts
print(count_kinds("a + b * (c - 12) / d2"))
