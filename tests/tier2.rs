//! Tier 2 seen from outside: `-X jit-stats` counters agree with what the program did,
//! `-X jit-dump` shows calls projected with _PUSH_FRAME/_POP_FRAME, and the optimizer
//! leaves fewer guards than `-X jit-opt=0`.

use std::path::{Path, PathBuf};
use std::process::Command;

const BINARY: &str = env!("CARGO_BIN_EXE_sidewinder");

fn run(mode: &str, args: &[&str]) -> (String, String) {
    let output = Command::new(BINARY)
        .args(args)
        .env("PYTHON_JIT", mode)
        .env_remove("SIDEWINDER_GC_STRESS")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run sidewinder");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "sidewinder {args:?} failed:\n{stderr}");
    (String::from_utf8_lossy(&output.stdout).into_owned(), stderr)
}

/// The number after `prefix` on the line starting with it, if there is one.
fn counter(stderr: &str, prefix: &str) -> Option<u64> {
    stderr.lines().find_map(|l| l.strip_prefix(prefix)).and_then(|rest| rest.trim().parse().ok())
}

fn count(stderr: &str, prefix: &str) -> u64 {
    counter(stderr, prefix).unwrap_or_else(|| panic!("no line starting with {prefix:?} in:\n{stderr}"))
}

const HOT_LOOP: &str = "def f(a, b):\n    return a + b\nt = 0\nfor i in range(5000):\n    t = f(t, i)\nprint(t)\n";

#[test]
fn a_hot_loop_creates_a_trace_that_runs() {
    let (stdout, stderr) = run("interp", &["-X", "jit-stats", "-c", HOT_LOOP]);
    assert_eq!(stdout, "12497500\n");
    let created = count(&stderr, "tier2: traces created:");
    assert!(created >= 1, "{stderr}");
    assert_eq!(count(&stderr, "tier1: executors installed:"), created, "each root trace is installed once");
    assert!(count(&stderr, "tier2: executors entered:") >= 1, "{stderr}");
    assert!(count(&stderr, "tier2: uops executed:") > 4000, "the loop runs in tier 2: {stderr}");
    assert!(count(&stderr, "tier2: uops after optimization:") <= count(&stderr, "tier2: uops projected:"));
    let side = count(&stderr, "tier2: side traces created:");
    assert!(side <= count(&stderr, "tier2: exits taken:"), "every side trace grew from a taken exit");
    assert!(count(&stderr, "tier2: executors invalidated:") <= created + side);
}

#[test]
fn jit_off_creates_no_traces() {
    let (stdout, stderr) = run("0", &["-X", "jit-stats", "-c", HOT_LOOP]);
    assert_eq!(stdout, "12497500\n");
    assert!(count(&stderr, "tier1: hot back edges:") >= 1, "{stderr}");
    assert_eq!(count(&stderr, "tier1: executors installed:"), 0);
    assert_eq!(counter(&stderr, "tier2: traces created:").unwrap_or(0), 0, "{stderr}");
}

#[test]
fn a_branch_that_flips_grows_a_side_trace() {
    let program =
        "t = 0\nfor i in range(20000):\n    if i % 2 == 0:\n        t += 1\n    else:\n        t -= 3\nprint(t)\n";
    let (stdout, stderr) = run("interp", &["-X", "jit-stats", "-c", program]);
    assert_eq!(stdout, "-20000\n");
    assert!(count(&stderr, "tier2: side traces created:") >= 1, "{stderr}");
    assert!(count(&stderr, "tier2: exits taken:") >= 32, "{stderr}");
}

#[test]
fn rebinding_a_global_function_invalidates_the_executor() {
    // The loop runs in a function: a module-level loop stores its own variables into
    // the globals dict on every iteration, so nothing is promoted from it.
    let program = "def f(x):\n    return x + 1\ndef g(x):\n    return x + 2\ndef rebind():\n    global f\n    f = g\ndef run():\n    t = 0\n    for i in range(10000):\n        if i == 5000:\n            rebind()\n        t = f(t)\n    return t\nprint(run())\n";
    let (stdout, stderr) = run("interp", &["-X", "jit-stats", "-c", program]);
    assert_eq!(stdout, "15000\n");
    assert!(count(&stderr, "tier2: executors invalidated:") >= 1, "{stderr}");
}

/// A fresh directory under the target dir for dumps.
fn dump_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The executors' dumps in `dir` (`executor-NNNN.txt`, in order; `aborted.txt` lists
/// abandoned projections).
fn dumps(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("no dump directory {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("executor-")))
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read_to_string(f).expect("read dump")).collect()
}

/// The uop names of one section of a dump.
fn section_uops<'a>(dump: &'a str, title: &str) -> Vec<&'a str> {
    let start = dump.find(title).unwrap_or_else(|| panic!("no section {title:?} in:\n{dump}"));
    dump[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect()
}

#[test]
fn spectral_norm_projects_eval_a_through_push_and_pop_frame() {
    let dir = dump_dir("dump_spectral_norm");
    let dir_arg = format!("jit-dump={}", dir.display());
    run("interp", &["-X", &dir_arg, "benches/spectral_norm.py"]);
    let all = dumps(&dir);
    let inlined = all.iter().find(|d| {
        let uops = section_uops(d, "--- uops before optimization");
        d.contains("in eval_a") && uops.contains(&"_PUSH_FRAME") && uops.contains(&"_POP_FRAME")
    });
    assert!(inlined.is_some(), "no trace inlines eval_a; dumps:\n{}", all.join("\n"));
}

fn root_guards(dump: &str) -> usize {
    section_uops(dump, "--- uops after optimization")
        .iter()
        .filter(|u| u.starts_with("_GUARD") || u.starts_with("_CHECK"))
        .count()
}

#[test]
fn loop_int_optimized_trace_closes_with_fewer_guards() {
    let optimized_dir = dump_dir("dump_loop_int_opt");
    let plain_dir = dump_dir("dump_loop_int_noopt");
    let opt_arg = format!("jit-dump={}", optimized_dir.display());
    let plain_arg = format!("jit-dump={}", plain_dir.display());
    let (out_opt, _) = run("interp", &["-X", &opt_arg, "benches/loop_int.py"]);
    let (out_plain, _) = run("interp", &["-X", &plain_arg, "-X", "jit-opt=0", "benches/loop_int.py"]);
    assert_eq!(out_opt, out_plain);
    let optimized = &dumps(&optimized_dir)[0];
    let plain = &dumps(&plain_dir)[0];
    for dump in [optimized, plain] {
        let uops = section_uops(dump, "--- uops after optimization");
        assert_eq!(uops.last(), Some(&"_JUMP_TO_TOP"), "{dump}");
    }
    assert!(root_guards(optimized) < root_guards(plain), "optimized:\n{optimized}\nunoptimized:\n{plain}");
}

fn run_failing(mode: &str, program: &str) -> String {
    let output = Command::new(BINARY)
        .args(["-c", program])
        .env("PYTHON_JIT", mode)
        .env_remove("SIDEWINDER_GC_STRESS")
        .output()
        .expect("run sidewinder");
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn an_exception_in_an_inlined_call_has_the_tier1_traceback() {
    let program = "def inner(x):\n    return 10 // (x - 7000)\n\ndef middle(x):\n    y = inner(x) + 1\n    return y\n\nt = 0\nfor i in range(10000):\n    t += middle(i)\nprint(t)\n";
    let tier1 = run_failing("0", program);
    let tier2 = run_failing("interp", program);
    assert!(tier1.contains("line 2, in inner") && tier1.contains("line 5, in middle"), "{tier1}");
    assert_eq!(tier1, tier2);
}

#[test]
fn changing_a_builtin_a_global_or_a_class_attribute_invalidates() {
    // Each change (a class attribute, a method, a shadowed and restored builtin, a
    // rebound global function) happens while a loop that promoted it runs.
    let (stdout, stderr) = run("interp", &["-X", "jit-stats", "tests/programs/tier2_invalidation.py"]);
    let expected =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/tier2_invalidation.out"))
            .expect("expected output");
    assert_eq!(stdout, expected);
    let invalidated = count(&stderr, "tier2: executors invalidated:");
    assert!(invalidated >= 4, "{stderr}");
    assert_eq!(count(&stderr, "tier1: executors invalidated:"), invalidated);
    assert!(count(&stderr, "tier1: executors uninstalled:") >= 1, "{stderr}");
}

#[test]
fn a_loop_longer_than_the_trace_limit_continues_in_further_traces() {
    let (stdout, stderr) = run("interp", &["-X", "jit-stats", "tests/programs/tier2_long_loop.py"]);
    let expected =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/tier2_long_loop.out"))
            .expect("expected output");
    assert_eq!(stdout, expected);
    assert!(count(&stderr, "tier2:   exits (length limit):") >= 1, "{stderr}");
    assert!(count(&stderr, "tier2: side traces created:") >= 1, "{stderr}");
}

/// Runs `program` (which prints `expected`) in the uop interpreter and natively, and
/// checks that it takes fewer than 0.01 exits per one of its `iterations`, and that one
/// of its optimized traces has uops that `enters` accepts.
fn assert_hot_calls_stay_in_a_trace(
    name: &str,
    program: &str,
    expected: &str,
    iterations: u64,
    enters: impl Fn(&[&str]) -> bool,
) {
    for mode in ["interp", "1"] {
        let dir = dump_dir(&format!("dump_{name}_{mode}"));
        let dir_arg = format!("jit-dump={}", dir.display());
        let (stdout, stderr) = run(mode, &["-X", "jit-stats", "-X", &dir_arg, "-c", program]);
        assert_eq!(stdout, expected, "PYTHON_JIT={mode}");
        let exits = count(&stderr, "tier2: exits taken:");
        assert!((exits as f64) / (iterations as f64) < 0.01, "PYTHON_JIT={mode}: {exits} exits:\n{stderr}");
        let all = dumps(&dir);
        let entered = all.iter().any(|d| enters(&section_uops(d, "--- uops after optimization")));
        assert!(entered, "PYTHON_JIT={mode}: no trace enters the call; dumps:\n{}", all.join("\n"));
    }
}

/// A hot loop calling a closure stays in its trace: the call is followed into the
/// closure (its COPY_FREE_VARS reads the running function's cells) and the free
/// variable is loaded there, in the uop interpreter and in native code.
#[test]
fn a_hot_loop_calling_a_closure_stays_in_its_trace() {
    const ITERATIONS: u64 = 100_000;
    let program = format!(
        "def make_adder(n):\n    def add(x):\n        return x + n\n    return add\ndef run():\n    add = make_adder(3)\n    total = 0\n    for i in range({ITERATIONS}):\n        total = add(total)\n    return total\nprint(run())\n"
    );
    assert_hot_calls_stay_in_a_trace("closure", &program, &format!("{}\n", 3 * ITERATIONS), ITERATIONS, |uops| {
        uops.contains(&"_PUSH_FRAME") && uops.contains(&"LOAD_DEREF") && uops.contains(&"COPY_FREE_VARS")
    });
}

/// A hot loop calling a function that takes some arguments from its defaults
/// (CALL_PY_WITH_DEFAULTS) stays in its trace: the call is followed into the callee,
/// whose frame push fills in the defaults, in the uop interpreter and in native code.
#[test]
fn a_hot_loop_calling_with_defaults_stays_in_its_trace() {
    const ITERATIONS: u64 = 100_000;
    let program = format!(
        "def step(x, by=2, times=1):\n    return x + by * times\ndef run():\n    total = 0\n    for i in range({ITERATIONS}):\n        total = step(total)\n        total = step(total, 1)\n    return total\nprint(run())\n"
    );
    assert_hot_calls_stay_in_a_trace("defaults", &program, &format!("{}\n", 3 * ITERATIONS), ITERATIONS, |uops| {
        uops.iter().filter(|u| **u == "_INIT_CALL_PY_WITH_DEFAULTS").count() == 2 && uops.contains(&"_PUSH_FRAME")
    });
}

/// The acceptance loop of generators in tier 2: `for x in gen(): total += x`, where the
/// generator yields from a `while` loop, runs in one trace that enters the generator's
/// frame (`_PUSH_GEN_FRAME`) and leaves it at its yield, with almost no exits per item,
/// in the uop interpreter and in native code; the same with a new generator for each
/// pass of an outer loop, and with the generator's own loop hot first.
#[test]
fn a_hot_loop_over_a_generator_stays_in_its_trace() {
    const ITEMS: u64 = 200_000;
    let single = format!(
        "def gen(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\ndef run():\n    total = 0\n    for x in gen({ITEMS}):\n        total += x\n    return total\nprint(run())\n"
    );
    let repeated = format!(
        "def gen(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\ndef run():\n    total = 0\n    for _ in range(100):\n        for x in gen({}):\n            total += x\n    return total\nprint(run())\n",
        ITEMS / 100
    );
    let single_total = ITEMS * (ITEMS - 1) / 2;
    let per_pass = ITEMS / 100;
    let repeated_total = 100 * per_pass * (per_pass - 1) / 2;
    for (program, expected) in [(single, single_total), (repeated, repeated_total)] {
        for mode in ["interp", "1"] {
            let dir = dump_dir(&format!("dump_generator_{mode}_{expected}"));
            let dir_arg = format!("jit-dump={}", dir.display());
            let (stdout, stderr) = run(mode, &["-X", "jit-stats", "-X", &dir_arg, "-c", &program]);
            assert_eq!(stdout, format!("{expected}\n"), "PYTHON_JIT={mode}");
            let exits = count(&stderr, "tier2: exits taken:");
            assert!((exits as f64) / (ITEMS as f64) < 0.01, "PYTHON_JIT={mode}: {exits} exits:\n{stderr}");
            let all = dumps(&dir);
            let entered = all.iter().any(|d| {
                let uops = section_uops(d, "--- uops after optimization");
                uops.contains(&"_PUSH_GEN_FRAME") && uops.contains(&"YIELD_VALUE")
            });
            assert!(entered, "PYTHON_JIT={mode}: no trace enters the generator; dumps:\n{}", all.join("\n"));
        }
    }
}

/// A hot loop over a generator that delegates to lists (`yield from chunk`) stays in
/// its trace: the delegation is SEND_ITER, which the trace follows inside the
/// generator's frame, so only the end of each list leaves the trace.
#[test]
fn a_hot_loop_over_yield_from_a_list_stays_in_its_trace() {
    const CHUNKS: u64 = 2_000;
    const CHUNK: u64 = 100;
    let program = format!(
        "def flatten(chunks):\n    for chunk in chunks:\n        yield from chunk\ndef run():\n    chunks = [list(range({CHUNK})) for _ in range({CHUNKS})]\n    total = 0\n    for x in flatten(chunks):\n        total += x\n    return total\nprint(run())\n"
    );
    let expected = CHUNKS * CHUNK * (CHUNK - 1) / 2;
    for mode in ["interp", "1"] {
        let dir = dump_dir(&format!("dump_yield_from_list_{mode}"));
        let dir_arg = format!("jit-dump={}", dir.display());
        let (stdout, stderr) = run(mode, &["-X", "jit-stats", "-X", &dir_arg, "-c", &program]);
        assert_eq!(stdout, format!("{expected}\n"), "PYTHON_JIT={mode}");
        // One exit per list (its end), none per item.
        let exits = count(&stderr, "tier2: exits taken:");
        let items = CHUNKS * CHUNK;
        assert!((exits as f64) / (items as f64) < 0.02, "PYTHON_JIT={mode}: {exits} exits:\n{stderr}");
        let all = dumps(&dir);
        let followed = all.iter().any(|d| {
            let uops = section_uops(d, "--- uops after optimization");
            uops.contains(&"_PUSH_GEN_FRAME") && uops.contains(&"_SEND_ITER") && uops.contains(&"YIELD_VALUE")
        });
        assert!(followed, "PYTHON_JIT={mode}: no trace follows the delegation; dumps:\n{}", all.join("\n"));
    }
}

/// `next(gen)` in a hot loop is CALL_NEXT_GEN: the trace links the generator's frame
/// (`_PUSH_NEXT_GEN_FRAME`) and comes back at its yield, so an item costs no exit; the
/// generator's exhaustion, caught as StopIteration, gives the right total.
#[test]
fn a_hot_loop_calling_next_on_a_generator_stays_in_its_trace() {
    const ITEMS: u64 = 100_000;
    let program = format!(
        "def numbers():\n    i = 0\n    while True:\n        yield i\n        i += 1\ndef run():\n    source = numbers()\n    total = 0\n    for _ in range({ITEMS}):\n        total += next(source)\n    return total\nprint(run())\n"
    );
    let expected = ITEMS * (ITEMS - 1) / 2;
    for mode in ["interp", "1"] {
        let dir = dump_dir(&format!("dump_next_generator_{mode}"));
        let dir_arg = format!("jit-dump={}", dir.display());
        let (stdout, stderr) = run(mode, &["-X", "jit-stats", "-X", &dir_arg, "-c", &program]);
        assert_eq!(stdout, format!("{expected}\n"), "PYTHON_JIT={mode}");
        let exits = count(&stderr, "tier2: exits taken:");
        assert!((exits as f64) / (ITEMS as f64) < 0.01, "PYTHON_JIT={mode}: {exits} exits:\n{stderr}");
        let all = dumps(&dir);
        let entered = all.iter().any(|d| {
            let uops = section_uops(d, "--- uops after optimization");
            uops.contains(&"_GUARD_NEXT_GEN") && uops.contains(&"_PUSH_NEXT_GEN_FRAME") && uops.contains(&"YIELD_VALUE")
        });
        assert!(entered, "PYTHON_JIT={mode}: no trace enters the generator; dumps:\n{}", all.join("\n"));
    }
}

/// A loop of two iterations per call, entered at its back edge after the first, runs
/// one pass natively per entry: its executor costs more to enter and leave than it
/// saves, so after its probation it is dropped and the loop stays in tier 1 for a while.
/// Natively, it is never compiled: until it has made enough passes per entry it runs on
/// the uop interpreter. A loop of ten iterations per call keeps its executor, compiled.
#[test]
fn a_loop_too_short_per_entry_loses_its_executor() {
    let program = |iterations: usize| {
        format!(
            "steps = tuple(range({iterations}))\ndef step(x):\n    for s in steps:\n        x = x + s\n    return x\ntotal = 0\nfor v in map(step, range(60000)):\n    total += v\nprint(total)\n"
        )
    };
    for mode in ["interp", "1"] {
        let (stdout, stderr) = run(mode, &["-X", "jit-stats", "-c", &program(2)]);
        assert_eq!(stdout, format!("{}\n", (0..60000u64).map(|v| v + 1).sum::<u64>()), "PYTHON_JIT={mode}");
        let dropped = count(&stderr, "tier2: executors dropped as too short per entry:");
        let entered = count(&stderr, "tier2: executors entered:");
        assert!(dropped >= 1, "PYTHON_JIT={mode}: nothing dropped:\n{stderr}");
        assert!(entered < 20_000, "PYTHON_JIT={mode}: {entered} entries:\n{stderr}");
        // Only the outer loop's trace may be compiled, not the dropped ones.
        let compiled = counter(&stderr, "jit: traces compiled:").unwrap_or(0);
        assert!(compiled + dropped <= count(&stderr, "tier2: traces created:"), "PYTHON_JIT={mode}:\n{stderr}");
        let (stdout, stderr) = run(mode, &["-X", "jit-stats", "-c", &program(10)]);
        assert_eq!(stdout, format!("{}\n", (0..60000u64).map(|v| v + 45).sum::<u64>()), "PYTHON_JIT={mode}");
        let dropped = count(&stderr, "tier2: executors dropped as too short per entry:");
        assert_eq!(dropped, 0, "PYTHON_JIT={mode}: a ten-iteration loop was dropped:\n{stderr}");
        if mode == "1" {
            assert!(count(&stderr, "jit: traces compiled:") >= 1, "{stderr}");
            assert!(count(&stderr, "jit: native trace runs:") >= 50_000, "{stderr}");
        }
    }
}
