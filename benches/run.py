#!/usr/bin/env python3
"""Sidewinder benchmark runner (stdlib only).

Runs each benchmark program under python3, pypy3 (when on PATH) and sidewinder
in several PYTHON_JIT modes, checks stdout against NAME.out, and prints one
markdown table of median wall-clock seconds and speed-ups over python3.
See benches/README.md.
"""

import argparse
import datetime
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_SW = os.path.join(REPO_ROOT, "target", "release", "sidewinder")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def mode_label(mode):
    return "sw interp" if mode == "interp" else "sw jit=%s" % mode


def base_env():
    # Keep PYTHON_JIT out of the reference interpreters' environment: CPython
    # 3.13+ reads the same variable for its own experimental JIT.
    env = dict(os.environ)
    env.pop("PYTHON_JIT", None)
    return env


def find_programs(names):
    if not names:
        progs = sorted(f[:-3] for f in os.listdir(BENCH_DIR)
                       if f.endswith(".py") and f != "run.py"
                       and os.path.exists(os.path.join(BENCH_DIR, f[:-3] + ".out")))
        if not progs:
            sys.exit("run.py: no benchmark programs (NAME.py with NAME.out) in %s" % BENCH_DIR)
        return progs
    progs = []
    for n in names:
        n = os.path.basename(n)
        if n.endswith(".py"):
            n = n[:-3]
        for ext in (".py", ".out"):
            if not os.path.exists(os.path.join(BENCH_DIR, n + ext)):
                sys.exit("run.py: %s not found in %s" % (n + ext, BENCH_DIR))
        progs.append(n)
    return progs


def cmd_output(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=30)
        return " ".join(p.stdout.decode("utf-8", "replace").split())
    except (OSError, subprocess.SubprocessError):
        return None


def resolve_interpreter(name):
    """The real executable behind `name` on PATH, or None if there is none.

    `name` may be a wrapper script (a pyenv shim adds ~80 ms to every start),
    so ask the interpreter itself for sys.executable, once, and time that
    binary directly. Falls back to the PATH entry if the query fails.
    """
    found = shutil.which(name)
    if found is None:
        return None
    try:
        p = subprocess.run([found, "-c", "import sys; print(sys.executable)"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           stdin=subprocess.DEVNULL, env=base_env(), timeout=60)
        exe = p.stdout.decode("utf-8", "replace").strip()
        if p.returncode == 0 and exe and os.path.isabs(exe) and os.access(exe, os.X_OK):
            return exe
    except (OSError, subprocess.SubprocessError):
        pass
    return os.path.abspath(found)


def resolve_python3():
    exe = resolve_interpreter("python3")
    if exe is None and sys.implementation.name == "cpython" \
            and sys.version_info[:2] == (3, 11) and sys.executable:
        # No python3 on PATH, but this runner itself is CPython 3.11.
        exe = sys.executable
    return exe


def machine_facts(python3, pypy):
    facts = {"python3": cmd_output([python3, "--version"])}
    if pypy:
        facts["pypy3"] = cmd_output([pypy, "--version"])
    facts["date"] = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %z")
    nproc = cmd_output(["nproc"])
    if not nproc:
        nproc = str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                    else os.cpu_count())
    facts["nproc"] = nproc
    commit = cmd_output(["git", "-C", REPO_ROOT, "rev-parse", "--short", "HEAD"])
    if commit and " " not in commit:
        facts["commit"] = commit
    return facts


def first_difference(expected, got):
    exp = expected.decode("utf-8", "replace").split("\n")
    out = got.decode("utf-8", "replace").split("\n")
    for i in range(max(len(exp), len(out))):
        e = exp[i] if i < len(exp) else None
        g = out[i] if i < len(out) else None
        if e != g:
            def show(s):
                return "<EOF>" if s is None else repr(s[:120] + ("..." if len(s) > 120 else ""))
            return "line %d: expected %s, got %s" % (i + 1, show(e), show(g))
    return "outputs differ"


def run_once(cmd, env, expected, timeout):
    """Returns (status, seconds, note); status is 'ok', 'FAIL' or 'TIMEOUT'."""
    t0 = time.perf_counter()
    try:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             stdin=subprocess.DEVNULL, env=env, cwd=BENCH_DIR,
                             start_new_session=True)
    except OSError as e:
        return "FAIL", None, "could not start: %s" % e
    try:
        stdout, stderr = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # Kill the whole process group, in case the runner is a wrapper script.
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            p.kill()
        p.communicate()
        return "TIMEOUT", None, "timed out after %gs" % timeout
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        err = stderr.decode("utf-8", "replace").strip().splitlines()
        return "FAIL", dt, "exit code %d%s" % (p.returncode, (": " + err[-1][:200]) if err else "")
    if stdout != expected:
        return "FAIL", dt, first_difference(expected, stdout)
    return "ok", dt, None


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def format_table(header, rows):
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    def line(cells):
        return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    sep = "|" + "|".join(("-" * (w + 2)) if i == 0 else ("-" * (w + 1) + ":")
                         for i, w in enumerate(widths)) + "|"
    return "\n".join([line(header), sep] + [line(r) for r in rows])


def main():
    ap = argparse.ArgumentParser(
        description="Run the Sidewinder benchmarks against python3 (and pypy3 if on PATH). "
                    "python3 and pypy3 are resolved once to their real executables "
                    "(sys.executable), so wrapper scripts such as pyenv shims are not timed.")
    ap.add_argument("programs", nargs="*", metavar="PROGRAM",
                    help="benchmark names (default: every benches/NAME.py with a NAME.out)")
    ap.add_argument("--build", action="store_true", help="run `cargo build --release` first")
    ap.add_argument("--sidewinder", metavar="PATH", default=DEFAULT_SW,
                    help="sidewinder binary (default: target/release/sidewinder)")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="timed runs per (program, runner); the median is reported (default 3)")
    ap.add_argument("--timeout", type=float, default=300.0, metavar="SECS",
                    help="per-run timeout in seconds (default 300)")
    ap.add_argument("--modes", default="0,interp,1", metavar="LIST",
                    help="comma-separated PYTHON_JIT modes for sidewinder (default 0,interp,1)")
    ap.add_argument("--baseline", metavar="PATH",
                    help="another sidewinder build (say, of an earlier commit) to time under "
                         "PYTHON_JIT=1 in the same run, as the column 'base jit=1'")
    ap.add_argument("--json", metavar="FILE", help="also write the raw numbers as JSON to FILE")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")

    programs = find_programs(args.programs)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]

    if args.build:
        log("run.py: cargo build --release")
        if subprocess.run(["cargo", "build", "--release"], cwd=REPO_ROOT).returncode != 0:
            sys.exit("run.py: cargo build failed")
    sw = os.path.abspath(args.sidewinder)
    if modes and not os.access(sw, os.X_OK):
        sys.exit("run.py: sidewinder binary not found at %s (use --build or --sidewinder PATH)" % sw)

    # runners: (label, argv prefix, env). python3 and pypy3 are resolved once to
    # their real executables, so a wrapper's start-up cost is not timed.
    python3 = resolve_python3()
    if python3 is None:
        sys.exit("run.py: python3 not found on PATH")
    runners = [("python3", [python3], base_env())]
    log("run.py: python3 is %s" % python3)
    pypy = resolve_interpreter("pypy3")
    if pypy:
        runners.append(("pypy3", [pypy], base_env()))
        log("run.py: pypy3 is %s" % pypy)
    for m in modes:
        env = dict(os.environ)
        env["PYTHON_JIT"] = m
        runners.append((mode_label(m), [sw], env))
    if args.baseline:
        baseline = os.path.abspath(args.baseline)
        if not os.access(baseline, os.X_OK):
            sys.exit("run.py: baseline binary not found at %s" % baseline)
        env = dict(os.environ)
        env["PYTHON_JIT"] = "1"
        runners.append(("base jit=1", [baseline], env))
        log("run.py: baseline is %s" % baseline)
    labels = [r[0] for r in runners]

    facts = machine_facts(python3, pypy)
    results = {}
    notes = []
    for prog in programs:
        path = os.path.join(BENCH_DIR, prog + ".py")
        with open(os.path.join(BENCH_DIR, prog + ".out"), "rb") as f:
            expected = f.read()
        cells = {label: {"status": "ok", "times": [], "median": None} for label in labels}
        # Interleave: one run of every runner, repeated, so noise hits all columns alike.
        for rep in range(args.repeat):
            for label, argv, env in runners:
                cell = cells[label]
                if cell["status"] != "ok":
                    continue
                status, dt, note = run_once(argv + [path], env, expected, args.timeout)
                log("  %-14s %-10s run %d/%d: %s" % (prog, label, rep + 1, args.repeat,
                                                     "%.3fs" % dt if status == "ok" else status))
                if status != "ok":
                    cell["status"] = status
                    cell["note"] = note
                    notes.append("%s %s / %s: %s" % (status, prog, label, note))
                else:
                    cell["times"].append(dt)
        for cell in cells.values():
            if cell["status"] == "ok":
                cell["median"] = statistics.median(cell["times"])
        base = cells["python3"]["median"]
        for label in labels[1:]:
            m = cells[label]["median"]
            cells[label]["ratio"] = base / m if (base and m) else None
        results[prog] = cells

    header = ["program", "python3 s"]
    for label in labels[1:]:
        header += [label + " s", label + " x"]
    rows = []
    for prog in programs:
        cells = results[prog]
        def secs(label):
            c = cells[label]
            return "%.3f" % c["median"] if c["status"] == "ok" else c["status"]
        row = [prog, secs("python3")]
        for label in labels[1:]:
            r = cells[label]["ratio"]
            row += [secs(label), "%.2f" % r if r is not None else "-"]
        rows.append(row)
    geo = {}
    row = ["geomean", ""]
    for label in labels[1:]:
        g = geomean([results[p][label]["ratio"] for p in programs
                     if results[p][label]["ratio"] is not None])
        geo[label] = g
        row += ["", "%.2f" % g if g is not None else "-"]
    rows.append(row)

    binaries = {"python3": python3}
    if pypy:
        binaries["pypy3"] = pypy
    if modes:
        binaries["sidewinder"] = sw
    if args.baseline:
        binaries["baseline"] = os.path.abspath(args.baseline)
    print("; ".join("%s: %s" % (k, v) for k, v in facts.items()))
    print("timed: " + "; ".join("%s = %s" % (k, v) for k, v in binaries.items()))
    print()
    print(format_table(header, rows))
    if notes:
        print()
        for n in notes:
            print("- " + n)

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"machine": facts, "repeat": args.repeat, "timeout": args.timeout,
                       "sidewinder": sw if modes else None, "binaries": binaries,
                       "runners": labels,
                       "results": results, "geomean": geo}, f, indent=2)
            f.write("\n")
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main())
