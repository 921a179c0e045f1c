//! Command-line behaviour of the `sidewinder` binary.
//!
//! Every expectation here was checked by hand against CPython 3.11's `python3`
//! (except the Sidewinder-specific `--version` text and `PYTHON_JIT` validation).
//! Only `std` is used.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_sidewinder");
const TIMEOUT: Duration = Duration::from_secs(60);

struct Output {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Output {
    fn describe(&self) -> String {
        format!("exit code: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}", self.code, self.stdout, self.stderr)
    }
}

/// Run the binary with `args` in `cwd`; PYTHON_JIT / SIDEWINDER_GC_STRESS are
/// cleared unless given in `env`.
fn run(args: &[&str], cwd: Option<&Path>, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BINARY);
    cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.env_remove("PYTHON_JIT").env_remove("SIDEWINDER_GC_STRESS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("failed to spawn {}: {}", BINARY, e));
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out_pipe.read_to_end(&mut b);
        b
    });
    let err_reader = thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err_pipe.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait failed") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("sidewinder {:?} timed out after {}s", args, TIMEOUT.as_secs());
        }
        thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    Output { code: status.code(), stdout, stderr }
}

/// A scratch directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("sidewinder-cli-{}-{}-{}", tag, std::process::id(), n));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("cannot create temp dir");
        TempDir(dir)
    }
    fn write(&self, name: &str, contents: &str) {
        fs::write(self.0.join(name), contents).expect("cannot write temp file");
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn last_nonempty_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

#[test]
fn dash_c_uncaught_exception_traceback() {
    let out = run(&["-c", "1/0"], None, &[]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert_eq!(
        out.stderr,
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nZeroDivisionError: division by zero\n",
        "{}",
        out.describe()
    );
    assert_eq!(out.stdout, "", "{}", out.describe());
}

#[test]
fn dash_c_prints() {
    let out = run(&["-c", "print(1+1)"], None, &[]);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "2\n", "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
}

#[test]
fn dash_c_multiple_statements() {
    let out = run(&["-c", "x = 6\nfor i in range(3):\n    x = x * 7\nprint(x, 'done')"], None, &[]);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "2058 done\n", "{}", out.describe());
}

#[test]
fn version_flag() {
    let out = run(&["--version"], None, &[]);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    let first = out.stdout.lines().next().unwrap_or("");
    assert!(
        first.starts_with("Sidewinder "),
        "--version should print 'Sidewinder <version>' on stdout\n{}",
        out.describe()
    );
}

#[test]
fn help_flag() {
    let out = run(&["-h"], None, &[]);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert!(
        !out.stdout.trim().is_empty() || !out.stderr.trim().is_empty(),
        "-h should print usage text\n{}",
        out.describe()
    );
}

#[test]
fn invalid_python_jit_value() {
    let out = run(&["-c", "print('should not run')"], None, &[("PYTHON_JIT", "banana")]);
    assert_eq!(out.code, Some(2), "{}", out.describe());
    assert!(out.stderr.contains("PYTHON_JIT"), "stderr should mention PYTHON_JIT\n{}", out.describe());
    assert!(!out.stdout.contains("should not run"), "program must not run\n{}", out.describe());
}

#[test]
fn valid_python_jit_values() {
    for mode in ["0", "interp", "1"] {
        for gc in [None, Some("1")] {
            let mut env = vec![("PYTHON_JIT", mode)];
            if let Some(g) = gc {
                env.push(("SIDEWINDER_GC_STRESS", g));
            }
            let out = run(&["-c", "t = 0\nfor i in range(10000):\n    t += i\nprint(t)"], None, &env);
            assert_eq!(out.code, Some(0), "PYTHON_JIT={} gc={:?}\n{}", mode, gc, out.describe());
            assert_eq!(out.stdout, "49995000\n", "PYTHON_JIT={} gc={:?}\n{}", mode, gc, out.describe());
        }
    }
}

#[test]
fn script_argv() {
    let dir = TempDir::new("argv");
    dir.write("prog.py", "import sys\nprint(sys.argv)\nprint(len(sys.argv))\n");
    let out = run(&["prog.py", "a", "b"], Some(dir.path()), &[]);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "['prog.py', 'a', 'b']\n3\n", "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
}

#[test]
fn script_sys_exit_status() {
    let dir = TempDir::new("exit");
    dir.write("ex.py", "import sys\nprint('bye')\nsys.exit(7)\n");
    let out = run(&["ex.py"], Some(dir.path()), &[]);
    assert_eq!(out.code, Some(7), "{}", out.describe());
    assert_eq!(out.stdout, "bye\n", "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
}

#[test]
fn script_syntax_error() {
    // python3 (3.11) prints, for this file:
    //   File "<path>/bad_syntax.py", line 3
    //     def broken(:
    //                ^
    // SyntaxError: invalid syntax
    // and exits with status 1 without running any of the file.
    let dir = TempDir::new("syntax");
    dir.write("bad_syntax.py", "x = 1\nprint(x)\ndef broken(:\n    return 1\n");
    let out = run(&["bad_syntax.py"], Some(dir.path()), &[]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert_eq!(out.stdout, "", "nothing may run before a syntax error is reported\n{}", out.describe());
    let has_file_line =
        out.stderr.lines().any(|l| l.starts_with("  File \"") && l.ends_with("bad_syntax.py\", line 3"));
    assert!(has_file_line, "expected a line '  File \"...bad_syntax.py\", line 3'\n{}", out.describe());
    assert!(out.stderr.contains("def broken(:"), "expected the offending source line\n{}", out.describe());
    let has_caret = out.stderr.lines().any(|l| l.contains('^') && l.chars().all(|c| c == ' ' || c == '^'));
    assert!(has_caret, "expected a caret line\n{}", out.describe());
    assert_eq!(last_nonempty_line(&out.stderr), "SyntaxError: invalid syntax", "{}", out.describe());
    assert!(out.stderr.ends_with('\n'), "{}", out.describe());
}

#[test]
fn nonexistent_script() {
    let dir = TempDir::new("missing");
    let out = run(&["does_not_exist.py"], Some(dir.path()), &[]);
    assert_eq!(out.code, Some(2), "{}", out.describe());
    assert!(out.stderr.contains("can't open file"), "{}", out.describe());
    assert!(out.stderr.contains("does_not_exist.py"), "{}", out.describe());
    assert_eq!(out.stdout, "", "{}", out.describe());
}

#[test]
fn script_uncaught_exception_exit_code() {
    let dir = TempDir::new("uncaught");
    dir.write("boom.py", "print('before')\nd = {}\nd['missing']\nprint('after')\n");
    let out = run(&["boom.py"], Some(dir.path()), &[]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert_eq!(out.stdout, "before\n", "{}", out.describe());
    assert!(out.stderr.starts_with("Traceback (most recent call last):\n"), "{}", out.describe());
    assert!(
        out.stderr.lines().any(|l| l.starts_with("  File \"") && l.ends_with("boom.py\", line 3, in <module>")),
        "{}",
        out.describe()
    );
    assert_eq!(last_nonempty_line(&out.stderr), "KeyError: 'missing'", "{}", out.describe());
}

#[test]
fn sys_exit_with_a_bool_is_a_status() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sidewinder"))
        .args(["-c", "import sys; sys.exit(True)"])
        .output()
        .expect("run sidewinder");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "CPython prints nothing for sys.exit(True)");
}

/// An unsupported feature raises an error naming it instead of silently misbehaving
/// (CPython would change the object's class here).
#[test]
fn assigning_to_class_is_refused_by_name() {
    let program = "class A: pass\nclass B:\n    def get(self): return 1\no = A()\no.__class__ = B\n";
    let out = run(&["-c", program], None, &[]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert_eq!(
        last_nonempty_line(&out.stderr),
        "NotImplementedError: assigning to __class__ is not supported yet",
        "{}",
        out.describe()
    );
}
