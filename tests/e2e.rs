//! End-to-end tests: run every Python program under `tests/programs/` (and every
//! benchmark under `benches/` that has an expected `.out`) through the
//! `sidewinder` binary in each execution mode, and compare against the
//! expectations recorded from CPython 3.11 by `tests/regen_expected.py`.
//!
//! For `tests/programs/NAME.py` the expectations are:
//!   * `NAME.out`    - exact stdout bytes;
//!   * `NAME.status` - line 1: exit code; line 2: last non-empty stderr line
//!     (empty when the program writes nothing to stderr).
//!
//! For `benches/NAME.py` with a `benches/NAME.out`: stdout must equal the
//! `.out` file and the exit code must be 0 (stderr is not checked).
//!
//! Environment knobs:
//!   * `SIDEWINDER_TEST_FILTER=substr` - only run programs whose display name
//!     (e.g. `programs/int_bigint.py`, `benches/fib.py`) contains `substr`.
//!
//! Only `std` is used.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_sidewinder");
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// Per-program wall-clock limit.
const TIMEOUT: Duration = Duration::from_secs(300);
/// Worker threads per mode.
const WORKERS: usize = 2;
/// How many trailing non-empty stderr lines to show in a failure report.
const STDERR_TAIL_LINES: usize = 6;

/// One program to run, with its expectations.
struct Case {
    /// e.g. "programs/int_bigint.py" or "benches/fib.py".
    display: String,
    /// Directory the program is run from.
    dir: PathBuf,
    /// File name passed as argv[1].
    file: String,
    expected_stdout: Vec<u8>,
    expected_code: i32,
    /// `None` means "do not check stderr".
    expected_stderr_tail: Option<String>,
}

/// What happened when a case was run.
struct RunResult {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// `Some(code)` for a normal exit, `None` when killed by a signal / timed out.
    code: Option<i32>,
    status_text: String,
    timed_out: bool,
    elapsed: Duration,
}

/// One discovered problem (missing expectation files, etc.).
type SetupError = String;

fn root() -> PathBuf {
    PathBuf::from(MANIFEST_DIR)
}

fn filter() -> Option<String> {
    match std::env::var("SIDEWINDER_TEST_FILTER") {
        Ok(s) if !s.is_empty() => Some(s),
        _ => None,
    }
}

fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "py") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// Parse a `.status` file: "CODE\nLAST_STDERR_LINE\n".
fn parse_status(text: &str) -> Result<(i32, String), String> {
    let mut lines = text.lines();
    let code_line = lines.next().ok_or_else(|| "empty .status file".to_string())?;
    let code =
        code_line.trim().parse::<i32>().map_err(|e| format!("bad exit code {:?} in .status: {}", code_line, e))?;
    let tail = lines.next().unwrap_or("").to_string();
    Ok((code, tail))
}

fn discover() -> (Vec<Case>, Vec<SetupError>) {
    let filter = filter();
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let wanted = |display: &str| filter.as_deref().is_none_or(|f| display.contains(f));

    // tests/programs/*.py: .out and .status are mandatory.
    let programs = root().join("tests").join("programs");
    for path in py_files(&programs) {
        let file = file_name(&path);
        let display = format!("programs/{}", file);
        if !wanted(&display) {
            continue;
        }
        let out_path = path.with_extension("out");
        let status_path = path.with_extension("status");
        let expected_stdout = match fs::read(&out_path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(format!(
                    "{}: cannot read {}: {} (run tests/regen_expected.py)",
                    display,
                    out_path.display(),
                    e
                ));
                continue;
            }
        };
        let status_text = match fs::read_to_string(&status_path) {
            Ok(s) => s,
            Err(e) => {
                errors.push(format!(
                    "{}: cannot read {}: {} (run tests/regen_expected.py)",
                    display,
                    status_path.display(),
                    e
                ));
                continue;
            }
        };
        let (expected_code, tail) = match parse_status(&status_text) {
            Ok(v) => v,
            Err(e) => {
                errors.push(format!("{}: {}", display, e));
                continue;
            }
        };
        cases.push(Case {
            display,
            dir: programs.clone(),
            file,
            expected_stdout,
            expected_code,
            expected_stderr_tail: Some(tail),
        });
    }

    // benches/*.py that have a benches/NAME.out (others, e.g. runners, are skipped).
    let benches = root().join("benches");
    for path in py_files(&benches) {
        let out_path = path.with_extension("out");
        if !out_path.is_file() {
            continue;
        }
        let file = file_name(&path);
        let display = format!("benches/{}", file);
        if !wanted(&display) {
            continue;
        }
        match fs::read(&out_path) {
            Ok(expected_stdout) => cases.push(Case {
                display,
                dir: benches.clone(),
                file,
                expected_stdout,
                expected_code: 0,
                expected_stderr_tail: None,
            }),
            Err(e) => errors.push(format!("{}: cannot read {}: {}", display, out_path.display(), e)),
        }
    }
    (cases, errors)
}

fn describe_status(status: &ExitStatus) -> (Option<i32>, String) {
    if let Some(code) = status.code() {
        return (Some(code), format!("exit code {}", code));
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            let core = if status.core_dumped() { " (core dumped)" } else { "" };
            return (None, format!("killed by signal {}{}", sig, core));
        }
    }
    (None, format!("abnormal termination: {:?}", status))
}

fn spawn_reader<R: Read + Send + 'static>(mut pipe: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

/// Run `binary args file` in `dir` with extra environment, enforcing `timeout`.
fn run_program(
    dir: &Path,
    file: &str,
    args: &[&str],
    env: &[(&str, &str)],
    env_remove: &[&str],
    timeout: Duration,
) -> RunResult {
    let start = Instant::now();
    let mut cmd = Command::new(BINARY);
    cmd.args(args).arg(file).current_dir(dir).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for key in env_remove {
        cmd.env_remove(key);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child: Child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return RunResult {
                stdout: Vec::new(),
                stderr: format!("failed to spawn {}: {}", BINARY, e).into_bytes(),
                code: None,
                status_text: "spawn failed".to_string(),
                timed_out: false,
                elapsed: start.elapsed(),
            }
        }
    };
    let out_reader = spawn_reader(child.stdout.take().unwrap());
    let err_reader = spawn_reader(child.stderr.take().unwrap());

    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) => {
                if start.elapsed() >= timeout {
                    timed_out = true;
                    let _ = child.kill();
                    break child.wait().ok();
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(_) => break child.wait().ok(),
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    let (code, status_text) = match (&status, timed_out) {
        (_, true) => (None, format!("TIMEOUT after {}s (killed)", timeout.as_secs())),
        (Some(s), false) => describe_status(s),
        (None, false) => (None, "could not obtain exit status".to_string()),
    };
    RunResult { stdout, stderr, code, status_text, timed_out, elapsed: start.elapsed() }
}

fn last_nonempty_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

fn stderr_tail(bytes: &[u8], n: usize) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = lines.len().saturating_sub(n);
    lines[start..].iter().map(|s| s.to_string()).collect()
}

/// Describe the first difference between two stdout byte strings, line by line.
fn first_stdout_difference(expected: &[u8], got: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(got);
    let exp_lines: Vec<&str> = exp.split_inclusive('\n').collect();
    let act_lines: Vec<&str> = act.split_inclusive('\n').collect();
    let n = exp_lines.len().max(act_lines.len());
    for i in 0..n {
        let e = exp_lines.get(i).copied();
        let a = act_lines.get(i).copied();
        if e != a {
            let show = |l: Option<&str>| match l {
                Some(s) => format!("{:?}", s),
                None => "<end of output>".to_string(),
            };
            return format!(
                "first difference at stdout line {} (expected {} lines, got {} lines):\n      expected: {}\n      got:      {}",
                i + 1,
                exp_lines.len(),
                act_lines.len(),
                show(e),
                show(a)
            );
        }
    }
    // Lines compare equal but bytes differ (e.g. invalid UTF-8 replaced lossily).
    format!(
        "stdout bytes differ ({} vs {} bytes) but no line differs after lossy UTF-8 decoding",
        expected.len(),
        got.len()
    )
}

/// Compare a run with the expectations; `None` when it passes.
fn check(case: &Case, mode: &str, r: &RunResult) -> Option<String> {
    let mut problems = Vec::new();
    if r.timed_out {
        problems.push(format!("timed out after {}s", TIMEOUT.as_secs()));
    }
    if r.stdout != case.expected_stdout {
        problems.push(first_stdout_difference(&case.expected_stdout, &r.stdout));
    }
    if r.code != Some(case.expected_code) {
        problems.push(format!("exit status: expected exit code {}, got {}", case.expected_code, r.status_text));
    }
    if let Some(expected_tail) = &case.expected_stderr_tail {
        let got_tail = last_nonempty_line(&r.stderr);
        if &got_tail != expected_tail {
            problems.push(format!(
                "last stderr line:\n      expected: {:?}\n      got:      {:?}",
                expected_tail, got_tail
            ));
        }
    }
    if problems.is_empty() {
        return None;
    }
    let mut report = String::new();
    let _ = writeln!(report, "FAIL {} [{}] ({}, {:.2}s)", case.display, mode, r.status_text, r.elapsed.as_secs_f64());
    for p in &problems {
        let _ = writeln!(report, "  - {}", p);
    }
    let tail = stderr_tail(&r.stderr, STDERR_TAIL_LINES);
    if tail.is_empty() {
        let _ = writeln!(report, "  stderr: <empty>");
    } else {
        let _ = writeln!(report, "  stderr tail:");
        for l in tail {
            let _ = writeln!(report, "    | {}", l);
        }
    }
    Some(report)
}

/// Run every discovered case in one mode and fail with a combined report.
fn run_mode(mode: &str, env: &[(&str, &str)]) {
    run_mode_with_args(mode, env, &[]);
}

/// `run_mode` with these options before each program's name.
fn run_mode_with_args(mode: &str, env: &[(&str, &str)], args: &[&str]) {
    let (cases, setup_errors) = discover();
    if cases.is_empty() && setup_errors.is_empty() {
        if filter().is_some() {
            eprintln!("[{}] SIDEWINDER_TEST_FILTER matched no programs", mode);
            return;
        }
        panic!("[{}] no test programs found under {}", mode, root().display());
    }

    // Variables set by one mode must never leak into another via the parent env.
    let managed = ["PYTHON_JIT", "SIDEWINDER_GC_STRESS"];
    let env_remove: Vec<&str> = managed.iter().copied().filter(|k| !env.iter().any(|(e, _)| e == k)).collect();

    let queue: Mutex<VecDeque<usize>> = Mutex::new((0..cases.len()).collect());
    let failures: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
    let start = Instant::now();

    thread::scope(|s| {
        for _ in 0..WORKERS.min(cases.len().max(1)) {
            s.spawn(|| loop {
                let next = queue.lock().unwrap().pop_front();
                let Some(idx) = next else { break };
                let case = &cases[idx];
                let result = run_program(&case.dir, &case.file, args, env, &env_remove, TIMEOUT);
                if let Some(report) = check(case, mode, &result) {
                    failures.lock().unwrap().push((idx, report));
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap();
    failures.sort_by_key(|(idx, _)| *idx);
    let total = cases.len();
    let failed = failures.len();
    let passed = total - failed;
    let programs_total = cases.iter().filter(|c| c.display.starts_with("programs/")).count();
    let programs_failed = failures.iter().filter(|(i, _)| cases[*i].display.starts_with("programs/")).count();
    let benches_total = total - programs_total;
    let benches_failed = failed - programs_failed;
    let summary = format!(
        "[{}] {}/{} passed (programs {}/{}, benches {}/{}) in {:.1}s",
        mode,
        passed,
        total,
        programs_total - programs_failed,
        programs_total,
        benches_total - benches_failed,
        benches_total,
        start.elapsed().as_secs_f64()
    );
    eprintln!("{}", summary);

    if failed == 0 && setup_errors.is_empty() {
        return;
    }
    let mut report = String::new();
    let _ = writeln!(report, "\n========== {} ==========", summary);
    if !setup_errors.is_empty() {
        let _ = writeln!(report, "setup problems:");
        for e in &setup_errors {
            let _ = writeln!(report, "  - {}", e);
        }
    }
    for (_, r) in &failures {
        report.push_str(r);
    }
    let names: Vec<&str> = failures.iter().map(|(i, _)| cases[*i].display.as_str()).collect();
    let _ = writeln!(report, "failed in mode {}: {}", mode, names.join(", "));
    panic!("{}", report);
}

#[test]
fn mode_jit_off() {
    run_mode("jit_off", &[("PYTHON_JIT", "0")]);
}

#[test]
fn mode_uop_interp() {
    run_mode("uop_interp", &[("PYTHON_JIT", "interp")]);
}

#[test]
fn mode_native() {
    run_mode("native", &[("PYTHON_JIT", "1")]);
}

#[test]
fn mode_gc_stress() {
    run_mode("gc_stress", &[("PYTHON_JIT", "0"), ("SIDEWINDER_GC_STRESS", "1")]);
}

/// Native code under GC stress, with every trace compiled when it is built (not after
/// its first passes on the uop interpreter), so that all of them run natively with a
/// collection at every safepoint; `mode_native` runs the default.
#[test]
fn mode_gc_stress_native() {
    run_mode_with_args(
        "gc_stress_native",
        &[("PYTHON_JIT", "1"), ("SIDEWINDER_GC_STRESS", "1")],
        &["-X", "jit-compile-after=0"],
    );
}

#[test]
fn mode_gc_stress_uop_interp() {
    run_mode("gc_stress_uop_interp", &[("PYTHON_JIT", "interp"), ("SIDEWINDER_GC_STRESS", "1")]);
}
