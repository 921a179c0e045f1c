#!/usr/bin/env python3
"""Block/line-deletion reducer.

usage: reduce.py IN.py OUT.py MODE [CONFIG]
  MODE t1: sidewinder PYTHON_JIT=0 differs from python3
  MODE t2: PYTHON_JIT=0 agrees with python3 but CONFIG (interp/opt0/limit40/gcstress) differs
  MODE crash: CONFIG crashes (panicked / rc 101 / signal)
"""
import os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import CONFIGS, SW, run

SAME_RC = False
CFG = {name: (env, args) for name, env, args in CONFIGS}


def sw(path, cfg):
    env, args = CFG[cfg]
    return run([SW] + args + [path], env, 30)


def interesting(src, mode, cfg, orig_rc):
    fd, path = tempfile.mkstemp(suffix=".py", dir="/tmp")
    os.write(fd, src.encode()); os.close(fd)
    try:
        rc, out, err, _ = run(["python3", path], {}, 5)
        if rc == "timeout" or rc != orig_rc:
            return False
        if mode == "crash":
            r2, o2, e2, _ = sw(path, cfg)
            return r2 == 101 or "panicked" in e2 or (isinstance(r2, int) and r2 < 0)
        r0, o0, e0, _ = sw(path, "jit0")
        t1_bad = (r0 != rc or o0 != out)
        if mode == "t1":
            if SAME_RC and r0 != rc:
                return False
            return t1_bad and "NotImplementedError" not in e0
        if t1_bad:
            return False
        r2, o2, e2, _ = sw(path, cfg)
        return r2 != rc or o2 != out
    finally:
        os.remove(path)


def indent(line):
    return len(line) - len(line.lstrip())


def blocks(lines):
    """(start, end) ranges: each non-blank line plus its indented body."""
    res = []
    for i, l in enumerate(lines):
        if not l.strip():
            continue
        j = i + 1
        if l.rstrip().endswith(":"):
            while j < len(lines) and (not lines[j].strip() or indent(lines[j]) > indent(l)):
                j += 1
        res.append((i, j))
    return res


def try_remove(lines, start, end):
    new = lines[:start] + lines[end:]
    head = lines[start]
    m = re.match(r"def (\w+)\(", head)
    if m:
        new = [l for l in new if l.strip() != "%s()" % m.group(1)]
    # a block left empty needs a pass
    fixed = []
    for k, l in enumerate(new):
        fixed.append(l)
        if l.rstrip().endswith(":"):
            nxt = next((x for x in new[k + 1:] if x.strip()), None)
            if nxt is None or indent(nxt) <= indent(l):
                fixed.append(" " * (indent(l) + 4) + "pass")
    return fixed


def simplify_header(lines, i):
    """Variants of a compound statement header at i: if/elif/while -> always-true/dedented body."""
    l = lines[i]
    outs = []
    m = re.match(r"(\s*)(if|elif) (.*):\s*$", l)
    if m:
        outs.append(lines[:i] + ["%s%s True:" % (m.group(1), m.group(2))] + lines[i + 1:])
    return outs


def main():
    inp, outp, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    cfg = sys.argv[4] if len(sys.argv) > 4 else "interp"
    lines = open(inp).read().splitlines()
    fd, path = tempfile.mkstemp(suffix=".py", dir="/tmp"); os.close(fd)
    open(path, "w").write("\n".join(lines) + "\n")
    orig_rc = run(["python3", path], {}, 5)[0]
    os.remove(path)
    src = "\n".join(lines) + "\n"
    global SAME_RC
    r0 = sw(inp, "jit0")[0]
    SAME_RC = (r0 == orig_rc)
    if not interesting(src, mode, cfg, orig_rc):
        print("not interesting to start with"); return
    changed = True
    rounds = 0
    while changed:
        changed = False
        rounds += 1
        # biggest blocks first
        bl = sorted(blocks(lines), key=lambda b: -(b[1] - b[0]))
        tried = set()
        for (s, e) in bl:
            if s >= len(lines):
                continue
            key = (lines[s], e - s)
            cand_blocks = [b for b in blocks(lines) if lines[b[0]] == key[0] and b[1] - b[0] == key[1]]
            for (s2, e2) in cand_blocks[:1]:
                cand = try_remove(lines, s2, e2)
                if cand == lines:
                    continue
                if interesting("\n".join(cand) + "\n", mode, cfg, orig_rc):
                    lines = cand
                    changed = True
                    open(outp, "w").write("\n".join(lines) + "\n")
                    print("removed %d lines -> %d" % (e2 - s2, len(lines)), flush=True)
        # simplify conditions
        for i in range(len(lines)):
            if i >= len(lines):
                break
            for cand in simplify_header(lines, i):
                if interesting("\n".join(cand) + "\n", mode, cfg, orig_rc):
                    lines = cand
                    changed = True
                    open(outp, "w").write("\n".join(lines) + "\n")
                    break
    open(outp, "w").write("\n".join(lines) + "\n")
    print("done", len(lines), "lines")


if __name__ == "__main__":
    main()
