//! The native JIT (PYTHON_JIT=1, Cranelift) seen from outside the binary:
//!
//! - a fresh object that compiled code holds only in a register (a local or a value
//!   stack slot kept in a Cranelift value) survives a collection in an escaping call made
//!   from the same trace, under SIDEWINDER_GC_STRESS=1 (output equal to python3's);
//! - a loop that rebinds a global 10,000 times, invalidating the executor of a hot loop
//!   reading it each time, keeps JIT code memory within `-X jit-code-limit` and frees
//!   the code of every invalidated executor (and with a one-page limit every compiled
//!   trace but the live one must have been freed);
//! - every trace of every end-to-end program (`tests/programs/*.py`, `benches/*.py`) also
//!   lowers and compiles for aarch64 with the verifier on (`-X jit-cross-aarch64`);
//! - `-X jit-dump=DIR` shows each executor's Cranelift IR and machine code;
//! - `-X perf` names each compiled trace in /tmp/perf-<pid>.map;
//! - native code is the default when PYTHON_JIT is unset.
//!
//! Expected outputs were taken from python3.

use std::collections::VecDeque;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_sidewinder");
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

struct Run {
    stdout: String,
    stderr: String,
    status: ExitStatus,
}

/// Runs the binary with `args` from the workspace root, stdin closed. `jit` sets
/// PYTHON_JIT (None leaves it unset); `gc_stress` sets SIDEWINDER_GC_STRESS=1.
fn sidewinder(args: &[&str], jit: Option<&str>, gc_stress: bool) -> Run {
    let mut command = Command::new(BINARY);
    command.args(args).current_dir(MANIFEST_DIR).stdin(Stdio::null());
    command.env_remove("PYTHON_JIT").env_remove("SIDEWINDER_GC_STRESS");
    if let Some(mode) = jit {
        command.env("PYTHON_JIT", mode);
    }
    if gc_stress {
        command.env("SIDEWINDER_GC_STRESS", "1");
    }
    let output = command.output().expect("run sidewinder");
    Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        status: output.status,
    }
}

/// Like `sidewinder`, and the run must succeed.
fn sidewinder_ok(args: &[&str], jit: Option<&str>, gc_stress: bool) -> Run {
    let run = sidewinder(args, jit, gc_stress);
    assert!(run.status.success(), "sidewinder {args:?} failed ({}):\n{}", run.status, run.stderr);
    run
}

/// The number after `prefix` on the line starting with it (a trailing unit such as
/// "bytes" is ignored), if there is such a line.
fn counter(stderr: &str, prefix: &str) -> Option<u64> {
    stderr
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

fn count(stderr: &str, prefix: &str) -> u64 {
    counter(stderr, prefix).unwrap_or_else(|| panic!("no line starting with {prefix:?} in:\n{stderr}"))
}

/// A field of the "heap: allocations A frees F collections C ..." line.
fn heap_count(stderr: &str, field: &str) -> u64 {
    let line = stderr.lines().find(|l| l.starts_with("heap: ")).unwrap_or_else(|| panic!("no heap line in:\n{stderr}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w[0] == field)
        .and_then(|w| w[1].parse().ok())
        .unwrap_or_else(|| panic!("no {field:?} in {line:?}"))
}

/// A directory under the system temp dir, unique to this process and test, removed on
/// drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("sidewinder-jit-{}-{}", std::process::id(), test));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

const HOT_LOOP: &str = "t = 0\nfor i in range(5000):\n    t += i * 3 - 1\nprint(t)\n";
const HOT_LOOP_OUT: &str = "37487500\n";

/// Each function's loop becomes one native trace (closing the loop) in which a fresh
/// list, float, str or tuple is computed into a local, or left on the value stack, and
/// then an escaping call runs Python code: `Box.__add__` from a generic BINARY_OP,
/// `churn` through `map` inside `list(...)`, or `churn` inlined with its RESUME. Every
/// Python frame entry is a safepoint, which under GC stress collects. The callees
/// allocate objects of the same shapes, so the memory of an object freed too early is
/// reused and the result comes out wrong (or the process crashes). In `floaty`, `x` and
/// `y` are unboxed floats (they may stay in registers), `z` and `w` boxed ones. (With
/// the lowering changed not to write dirty reference locals back before an escaping
/// call, `listy`, `floaty`, `stringy` and `tuply` each crash or print a wrong value.)
const ESCAPING_CALLS: &str = r#"
class Box:
    def __init__(self, v):
        self.v = v

    def __add__(self, k):
        junk = [[k, k + 1], (k, k * 2, "x"), k * -1000.0 - 0.125, "v%d" % k, [k + 1000, k + 2000]]
        return Box(len(junk) + self.v)


def churn(k):
    return [[k + 7, k + 8], (k + 7, k * 3, "y"), k * 0.25 + 1.5, "w%d" % k]


def listy(n):
    b = Box(1)
    t = 0
    for i in range(n):
        lst = [i, i + 1]
        t += (b + i).v
        t += len(list(map(churn, range(2))))
        t += lst[0] * 3 + lst[1]
    return t


def floaty(n):
    b = Box(2)
    t = 0.0
    for i in range(n):
        x = i * 0.5 + 0.25
        z = i * 0.5
        t += (b + i).v
        w = float(i + 1)
        y = float(i) / 4.0
        t += (b + i).v
        t += x * 2.0 + y + z + w
    return t


def stringy(n):
    b = Box(3)
    t = 0
    for i in range(n):
        s = "v%d" % i
        u = str(i) + "u"
        t += (b + i).v
        t += len(list(map(churn, range(2))))
        if s[0] == "v" and u[-1] == "u":
            t += int(s[1:]) + int(u[:-1])
    return t


def tuply(n):
    b = Box(4)
    t = 0
    for i in range(n):
        tp = (i, i * 2, "x%d" % i)
        t += (b + i).v
        t += tp[0] + tp[1] + len(tp[2])
    return t


def temporaries(n):
    b = Box(5)
    t = 0
    for i in range(n):
        t += len([i, i + 1] + [(b + i).v])
        t += len(("t%d" % i) + str((b + i).v))
        t += [i * 2, i + 3][0] + (b + i).v
    return t


def inlined_call(n):
    t = 0
    for i in range(n):
        lst = [i, i + 1]
        tp = (i, "z")
        c = churn(i)
        t += lst[0] + lst[1] + tp[0] + len(c)
    return t


print(listy(3000))
print(floaty(3000))
print(stringy(3000))
print(tuply(3000))
print(temporaries(3000))
print(inlined_call(3000))
"#;

const ESCAPING_CALLS_OUT: &str = "18021000\n12417375.0\n9027000\n13536390\n9055890\n13510500\n";

#[test]
fn a_value_held_only_in_a_register_survives_a_collection_in_an_escaping_call() {
    let dump = TempDir::new("gc-stress-escaping");
    let dump_option = format!("jit-dump={}", dump.arg());
    let run = sidewinder_ok(&["-X", "jit-stats", "-X", &dump_option, "-c", ESCAPING_CALLS], Some("1"), true);
    assert_eq!(run.stdout, ESCAPING_CALLS_OUT, "stderr:\n{}", run.stderr);
    let stderr = &run.stderr;
    assert!(count(stderr, "jit: traces compiled:") >= 6, "one trace per loop at least:\n{stderr}");
    assert_eq!(count(stderr, "jit: traces not compiled:"), 0, "{stderr}");
    assert!(count(stderr, "jit: native trace runs:") > 0, "{stderr}");
    // GC stress collected at (nearly) every call into Python: several per iteration.
    assert!(heap_count(stderr, "collections") > 18_000, "{stderr}");

    // Each loop ran as a native trace that closes the loop, so the escaping calls were
    // made from compiled code.
    let mut dumps = Vec::new();
    for entry in fs::read_dir(dump.path()).expect("dump dir") {
        dumps.push(fs::read_to_string(entry.expect("dump entry").path()).expect("read dump"));
    }
    for function in ["listy", "floaty", "stringy", "tuply", "temporaries", "inlined_call"] {
        let start = format!(" in {function} (code unit");
        let found = dumps.iter().any(|d| {
            d.lines().any(|l| l.starts_with("start:") && l.contains(&start))
                && d.contains("shape: closes the loop (_JUMP_TO_TOP)")
                && d.contains("-- machine code --")
        });
        assert!(found, "no compiled loop-closing trace starts in {function}; {} dumps", dumps.len());
    }
}

/// The global `G` is rebound at module level 10,000 times; every rebinding is a change of
/// the globals dict, which invalidates every executor that promoted `G` (the loop in
/// `work`), and their code is freed.
///
/// Tier 2 backs off: once changes of a dict have invalidated executors 4 times
/// (`MAX_DICT_INVALIDATIONS`), nothing is promoted from that dict any more, so later
/// traces read `G` through a guard and are not invalidated; and each uninstall doubles
/// the back edge's wait before it is traced again. So only the first rebindings
/// invalidate (4 observed): the bound has to hold through those, and with a one-page
/// limit, where at most one module can be live, freeing is what lets later traces compile.
/// A program rebinding the global `G` 10,000 times. `work`'s loop reads `G`, which
/// tier 2 promotes to a constant: every rebinding invalidates the executor of that
/// loop. With more inner iterations than the longest back-edge backoff (4096), each call
/// of `work` traces and compiles the loop again.
fn rebind_global(inner_iterations: u32) -> String {
    format!(
        "G = 0
def work():
    t = 0
    for k in range({inner_iterations}):
        t += G
    return t
total = 0
for i in range(10000):
    G = i
    total += work()
print(total)
"
    )
}

/// Its output with 5,000 inner iterations.
const REBIND_GLOBAL_OUT: &str = "249975000000\n";

/// For the one-page bound: `rebind_global(100)` (100 inner iterations, more than
/// COMPILE_AFTER_PASSES, so each trace compiles within the call that traced it) with a
/// second hot loop, in `other`, whose module is live beside `work`'s.
fn rebind_global_with_a_second_loop() -> String {
    rebind_global(100).replace("    total += work()\n", "    total += work() + other()\n").replace(
        "total = 0\n",
        "def other():\n    t = 0\n    for k in range(100):\n        t += k\n    return t\ntotal = 0\n",
    )
}

/// Its output.
const REBIND_GLOBAL_SHORT_OUT: &str = "5049000000\n";

#[test]
fn rebinding_a_global_ten_thousand_times_keeps_code_memory_bounded() {
    let limit = 65_536;
    let limit_option = format!("jit-code-limit={limit}");
    // By default a dict that invalidated executors 4 times is no longer promoted from
    // (its values are guarded instead); lift that so that every rebinding invalidates.
    let program = rebind_global(5000);
    let args = ["-X", "jit-stats", "-X", &limit_option, "-X", "jit-promote-limit=1000000", "-c", &program];
    let run = sidewinder_ok(&args, Some("1"), false);
    assert_eq!(run.stdout, REBIND_GLOBAL_OUT);
    let stderr = &run.stderr;
    assert_eq!(count(stderr, "jit: code memory limit:"), limit, "{stderr}");
    let peak = count(stderr, "jit: code memory peak:");
    let live = count(stderr, "jit: code memory live:");
    assert!(peak <= limit, "{stderr}");
    assert!(live <= peak, "{stderr}");
    assert_eq!(peak % 4096, 0, "charges are whole pages: {stderr}");
    let invalidated = count(stderr, "tier2: executors invalidated:");
    assert!(invalidated >= 10_000, "every rebinding of G invalidates the executor of work's loop: {stderr}");
    assert!(count(stderr, "tier1: executors invalidated:") >= 10_000, "{stderr}");
    let compiled = count(stderr, "jit: traces compiled:");
    let freed = count(stderr, "jit: code modules freed:");
    // Each invalidation is followed by a new trace of the loop, compiled once it has made
    // COMPILE_AFTER_PASSES passes on the uop interpreter (all but at most one of them).
    let created = count(stderr, "tier2: traces created:");
    assert!(created > invalidated, "{stderr}");
    assert!(compiled >= invalidated, "traces were compiled again after invalidation: {stderr}");
    assert!(freed >= invalidated, "the code of every invalidated executor is freed: {stderr}");
    assert!(freed <= compiled, "{stderr}");
    assert_eq!(count(stderr, "jit:   refused (code memory bound):"), 0, "freeing kept room: {stderr}");
    assert!(count(stderr, "jit: native trace runs:") >= 10_000, "{stderr}");

    // One page: a second module can only be compiled once the first one was freed.
    let page = 4096;
    let page_option = format!("jit-code-limit={page}");
    let run = sidewinder_ok(
        &["-X", "jit-stats", "-X", &page_option, "-c", &rebind_global_with_a_second_loop()],
        Some("1"),
        false,
    );
    assert_eq!(run.stdout, REBIND_GLOBAL_SHORT_OUT);
    let stderr = &run.stderr;
    assert_eq!(count(stderr, "jit: code memory limit:"), page, "{stderr}");
    assert!(count(stderr, "jit: code memory peak:") <= page, "{stderr}");
    assert!(count(stderr, "jit: code memory live:") <= page, "{stderr}");
    let compiled = count(stderr, "jit: traces compiled:");
    let freed = count(stderr, "jit: code modules freed:");
    assert!(compiled >= 2, "{stderr}");
    assert!(freed + 1 >= compiled, "all but the live module were freed: {stderr}");
    assert!(count(stderr, "jit:   refused (code memory bound):") >= 1, "the bound was reached: {stderr}");
    assert!(count(stderr, "tier2: executors invalidated:") >= 1, "{stderr}");
}

/// Per-program wall-clock limit for the aarch64 sweep.
const PROGRAM_TIMEOUT: Duration = Duration::from_secs(300);

/// Runs `BINARY args... file` in `dir` with PYTHON_JIT=1 and stdin closed, killing it
/// after `PROGRAM_TIMEOUT`. Answers (exit code, None if killed by a signal or timed out;
/// stderr).
fn run_program(dir: &Path, file: &str, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(BINARY)
        .args(args)
        .arg(file)
        .current_dir(dir)
        .env_remove("SIDEWINDER_GC_STRESS")
        .env("PYTHON_JIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sidewinder");
    let mut pipe = child.stderr.take().expect("stderr pipe");
    let reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait for sidewinder") {
            Some(status) => break Some(status),
            None if start.elapsed() >= PROGRAM_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => thread::sleep(Duration::from_millis(5)),
        }
    };
    let stderr = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    (status.and_then(|s| s.code()), stderr)
}

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_end_to_end_trace_compiles_for_aarch64() {
    let root = PathBuf::from(MANIFEST_DIR);
    let mut cases = python_files(&root.join("tests").join("programs"));
    // The benchmarks the end-to-end suite runs: those with an expected output
    // (benches/run.py is the runner; a pending NAME.out.pending does not run yet).
    cases.extend(python_files(&root.join("benches")).into_iter().filter(|p| p.with_extension("out").exists()));
    assert!(cases.len() > 100, "found only {} programs", cases.len());

    let queue = Mutex::new((0..cases.len()).collect::<VecDeque<usize>>());
    let results = Mutex::new(Vec::new());
    let workers = thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 8);
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let Some(index) = queue.lock().unwrap().pop_front() else { break };
                let path = &cases[index];
                let dir = path.parent().expect("program dir");
                let file = path.file_name().unwrap().to_str().expect("UTF-8 name");
                let (code, stderr) = run_program(dir, file, &["-X", "jit-cross-aarch64", "-X", "jit-stats"]);
                results.lock().unwrap().push((index, code, stderr));
            });
        }
    });

    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|r| r.0);
    let mut problems = Vec::new();
    let mut total_cross = 0;
    let mut without_stats = Vec::new();
    for (index, code, stderr) in &results {
        let name = cases[*index].strip_prefix(&root).unwrap().display().to_string();
        let failures = counter(stderr, "jit: aarch64 cross-compile failures:");
        let cross = counter(stderr, "jit: aarch64 cross-compiled:");
        let (Some(failures), Some(cross)) = (failures, cross) else {
            // Only a program that does not compile never gets to print its statistics.
            if *code == Some(1) && stderr.contains("SyntaxError") {
                without_stats.push(name);
            } else {
                let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
                problems.push(format!("{name}: no aarch64 counters (exit code {code:?}); stderr ends {tail:?}"));
            }
            continue;
        };
        if failures != 0 {
            problems.push(format!("{name}: {failures} aarch64 cross-compile failures"));
        }
        let attempts = count(stderr, "jit: traces compiled:") + count(stderr, "jit: traces not compiled:");
        if cross + failures != attempts {
            problems.push(format!(
                "{name}: {cross} cross-compiled + {failures} failed, but {attempts} host compilations attempted"
            ));
        }
        total_cross += cross;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Only the programs python3 itself refuses with a SyntaxError may not run.
    let unexpected: Vec<&String> = without_stats
        .iter()
        .filter(|name| {
            let status = root.join(name).with_extension("status");
            let expected = fs::read_to_string(&status).unwrap_or_default();
            !expected.lines().nth(1).is_some_and(|line| line.starts_with("SyntaxError"))
        })
        .collect();
    assert!(unexpected.is_empty(), "programs that did not run: {unexpected:?}");
    assert!(total_cross > 50, "only {total_cross} traces cross-compiled over {} programs", cases.len());
}

#[test]
fn jit_dump_has_cranelift_ir_and_machine_code() {
    let dump = TempDir::new("jit-dump");
    let dump_option = format!("jit-dump={}", dump.arg());
    let run = sidewinder_ok(&["-X", &dump_option, "-c", HOT_LOOP], Some("1"), false);
    assert_eq!(run.stdout, HOT_LOOP_OUT);
    let path = dump.path().join("executor-0001.txt");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let ir = text.find("-- Cranelift IR --").unwrap_or_else(|| panic!("no Cranelift IR section:\n{text}"));
    let code = text.find("-- machine code --").unwrap_or_else(|| panic!("no machine code section:\n{text}"));
    assert!(ir < code, "the IR comes before the machine code:\n{text}");
    let ir_text = &text[ir..code];
    assert!(ir_text.lines().any(|l| l.starts_with("function ")), "no IR function:\n{ir_text}");
    assert!(ir_text.contains("return"), "{ir_text}");
    let machine_code = &text[code..];
    let returns =
        machine_code.lines().filter(|l| l.split_whitespace().next().is_some_and(|m| m == "ret" || m == "retq")).count();
    assert!(returns >= 1, "no return instruction in the machine code:\n{machine_code}");
}

#[test]
fn perf_map_names_each_compiled_trace() {
    let child = Command::new(BINARY)
        .args(["-X", "perf", "-X", "jit-stats", "-c", HOT_LOOP])
        .env("PYTHON_JIT", "1")
        .env_remove("SIDEWINDER_GC_STRESS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sidewinder");
    let map_path = PathBuf::from(format!("/tmp/perf-{}.map", child.id()));
    let output = child.wait_with_output().expect("wait for sidewinder");
    let map = fs::read_to_string(&map_path);
    let _ = fs::remove_file(&map_path);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout), HOT_LOOP_OUT);
    let map = map.unwrap_or_else(|e| panic!("read {}: {e}", map_path.display()));
    let compiled = count(&stderr, "jit: traces compiled:");
    assert!(compiled >= 1, "{stderr}");
    let lines: Vec<&str> = map.lines().collect();
    assert_eq!(lines.len() as u64, compiled, "one line per compiled trace:\n{map}");
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let mut ids = Vec::new();
    for line in &lines {
        let fields: Vec<&str> = line.split(' ').collect();
        let [address, size, name] = fields[..] else { panic!("not three fields: {line:?}") };
        assert!(hex(address) && hex(size), "{line:?}");
        assert!(u64::from_str_radix(address, 16).unwrap() != 0, "{line:?}");
        assert!(u64::from_str_radix(size, 16).unwrap() != 0, "{line:?}");
        let id = name.strip_prefix("sidewinder-trace-").unwrap_or_else(|| panic!("{line:?}"));
        assert!(!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()), "{line:?}");
        ids.push(id.to_string());
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), lines.len(), "each trace named once:\n{map}");
}

#[test]
fn native_mode_is_the_default() {
    let run = sidewinder_ok(&["-X", "jit-stats", "-c", HOT_LOOP], None, false);
    assert_eq!(run.stdout, HOT_LOOP_OUT);
    assert!(count(&run.stderr, "jit: traces compiled:") >= 1, "{}", run.stderr);
    assert!(count(&run.stderr, "jit: native trace runs:") >= 1, "{}", run.stderr);

    // The uop interpreter makes the same trace but compiles nothing.
    let run = sidewinder_ok(&["-X", "jit-stats", "-c", HOT_LOOP], Some("interp"), false);
    assert_eq!(run.stdout, HOT_LOOP_OUT);
    assert!(count(&run.stderr, "tier2: traces created:") >= 1, "{}", run.stderr);
    assert_eq!(counter(&run.stderr, "jit: traces compiled:").unwrap_or(0), 0, "{}", run.stderr);
}
