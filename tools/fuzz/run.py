#!/usr/bin/env python3
"""Differential runner: python3 vs sidewinder in several configurations."""
import os, subprocess, sys, time, json
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
SW = os.environ.get("SIDEWINDER", os.path.join(HERE, "..", "..", "target", "release", "sidewinder"))
sys.path.insert(0, HERE)
import gen

CONFIGS = [
    ("jit0", {"PYTHON_JIT": "0"}, []),
    ("interp", {"PYTHON_JIT": "interp"}, []),
    ("opt0", {"PYTHON_JIT": "interp"}, ["-X", "jit-opt=0"]),
    ("limit40", {"PYTHON_JIT": "interp"}, ["-X", "jit-trace-limit=40"]),
    ("gcstress", {"PYTHON_JIT": "interp", "SIDEWINDER_GC_STRESS": "1"}, []),
    ("jit1_limit32_gc", {"PYTHON_JIT": "1", "SIDEWINDER_GC_STRESS": "1"}, ["-X", "jit-trace-limit=32"]),
    ("native", {"PYTHON_JIT": "1"}, []),
    ("native_gc", {"PYTHON_JIT": "1", "SIDEWINDER_GC_STRESS": "1"}, []),
]

def run(cmd, env_extra, timeout):
    env = dict(os.environ)
    env.pop("PYTHON_JIT", None); env.pop("SIDEWINDER_GC_STRESS", None)
    env.update(env_extra)
    t = time.time()
    try:
        p = subprocess.run(cmd, env=env, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), time.time() - t
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stdout or b"").decode("utf-8", "replace"), (e.stderr or b"").decode("utf-8", "replace"), time.time() - t

def check(seed, outdir):
    src = gen.generate(seed)
    path = os.path.join(outdir, "prog_%d.py" % seed)
    with open(path, "w") as f:
        f.write(src)
    rc, out, err, dt = run(["python3", path], {}, 2)
    if rc == "timeout" or (rc != 0 and "def final" not in src):
        os.remove(path)
        return seed, "skip", {}
    res = {}
    for name, env, args in CONFIGS:
        src_rc, sout, serr, sdt = run([SW] + args + [path], env, 30)
        crash = (src_rc == "timeout" or "panicked" in serr or src_rc == 101 or (isinstance(src_rc, int) and src_rc < 0))
        ok = (src_rc == rc and sout == out and not crash)
        if not ok:
            res[name] = {"rc": src_rc, "crash": crash, "stderr_tail": serr.strip().splitlines()[-3:] if serr.strip() else [],
                         "first_diff": first_diff(out, sout)}
    if not res:
        os.remove(path)
        return seed, "ok", {}
    return seed, "fail", res

def first_diff(a, b):
    al, bl = a.splitlines(), b.splitlines()
    for k in range(max(len(al), len(bl))):
        x = al[k] if k < len(al) else "<EOF>"
        y = bl[k] if k < len(bl) else "<EOF>"
        if x != y:
            return {"line": k, "expected": x[:300], "actual": y[:300]}
    return None

def main():
    start, count = int(sys.argv[1]), int(sys.argv[2])
    outdir = os.path.join(HERE, "results")
    os.makedirs(outdir, exist_ok=True)
    log = open(os.path.join(HERE, "results", "log_%d_%d.jsonl" % (start, count)), "w")
    stats = {"ok": 0, "skip": 0, "fail": 0}
    with ThreadPoolExecutor(max_workers=int(os.environ.get("WORKERS", "2"))) as ex:
        for seed, status, res in ex.map(lambda s: check(s, outdir), range(start, start + count)):
            stats[status] += 1
            if status == "fail":
                only_t2 = "jit0" not in res
                print("seed %d FAIL %s configs=%s" % (seed, "TIER2" if only_t2 else "TIER1/ALL", sorted(res)), flush=True)
                k = "jit0" if "jit0" in res else sorted(res)[0]
                print("   ", k, json.dumps(res[k])[:400], flush=True)
                log.write(json.dumps({"seed": seed, "res": res}) + "\n"); log.flush()
    print("stats", stats)

if __name__ == "__main__":
    main()
