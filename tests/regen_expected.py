#!/usr/bin/env python3
"""Regenerate the expected outputs of the end-to-end test programs.

For every tests/programs/NAME.py this runs `python3 NAME.py` with
cwd = tests/programs and writes, next to the program:

  NAME.out     the exact stdout bytes
  NAME.status  two lines: the exit code, and the last non-empty line of
               stderr (an empty line if stderr has no non-empty line)

Usage: python3 tests/regen_expected.py [SUBSTRING ...]
With arguments, only programs whose file name contains one of the
substrings are regenerated.

Sanity checks (reported as warnings, exit status 1 if any):
  * programs named err_*.py must exit non-zero; all others must exit 0;
  * programs that exit 0 must not write anything to stderr;
  * every program must finish within TIMEOUT seconds.
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
PYTHON = os.environ.get("PYTHON", "python3")
TIMEOUT = 30.0
SLOW = 2.0


def last_nonempty_line(data):
    text = data.decode("utf-8", errors="replace")
    for line in reversed(text.splitlines()):
        if line.strip():
            return line
    return ""


def main(argv):
    filters = argv[1:]
    names = sorted(n for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONSTARTUP", None)
    problems = []
    for name in names:
        stem = name[:-3]
        start = time.monotonic()
        try:
            proc = subprocess.run(
                [PYTHON, name],
                cwd=PROGRAMS,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            problems.append(f"{name}: timed out after {TIMEOUT}s (nothing written)")
            continue
        elapsed = time.monotonic() - start
        tail = last_nonempty_line(proc.stderr)
        with open(os.path.join(PROGRAMS, stem + ".out"), "wb") as f:
            f.write(proc.stdout)
        with open(os.path.join(PROGRAMS, stem + ".status"), "w", encoding="utf-8", newline="\n") as f:
            f.write(f"{proc.returncode}\n{tail}\n")
        expect_fail = stem.startswith("err_")
        if expect_fail and proc.returncode == 0:
            problems.append(f"{name}: expected a failure but exited 0")
        if not expect_fail and proc.returncode != 0:
            problems.append(f"{name}: exited {proc.returncode}: {tail}")
        if proc.returncode == 0 and proc.stderr.strip():
            problems.append(f"{name}: exited 0 but wrote to stderr: {tail}")
        if elapsed > SLOW:
            problems.append(f"{name}: slow ({elapsed:.2f}s)")
        lines = proc.stdout.count(b"\n")
        print(f"{name:<36} exit={proc.returncode:<3} {lines:>5} lines {elapsed:6.2f}s  {tail}")
    print(f"{len(names)} programs regenerated")
    for p in problems:
        print("WARNING:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
