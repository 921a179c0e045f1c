//! `-X jit-stats` reports tier-1 specialization and deopts consistently with what the
//! program did.

use std::process::Command;

fn stats_for(program: &str) -> (String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_sidewinder"))
        .args(["-X", "jit-stats", "-c", program])
        .env("PYTHON_JIT", "0")
        .output()
        .expect("run sidewinder");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

fn count(stderr: &str, prefix: &str) -> u64 {
    stderr
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .and_then(|rest| rest.trim().parse().ok())
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} in:\n{stderr}"))
}

#[test]
fn a_hot_int_loop_is_specialized() {
    let (stdout, stderr) = stats_for("t = 0\ni = 0\nwhile i < 1000:\n    t += i\n    i += 1\nprint(t)\n");
    assert_eq!(stdout, "499500\n");
    assert!(count(&stderr, "tier1: instructions specialized:") > 0);
    assert!(count(&stderr, "tier1:   specialized BINARY_OP_ADD_INT:") >= 1, "{stderr}");
    assert!(count(&stderr, "tier1:   specialized COMPARE_OP_INT:") >= 1, "{stderr}");
    assert!(count(&stderr, "tier1: hot back edges:") >= 1);
    assert_eq!(count(&stderr, "tier1: executors installed:"), 0, "PYTHON_JIT=0 installs no executor");
    assert_eq!(count(&stderr, "tier1: executors invalidated:"), 0);
    assert_eq!(count(&stderr, "tier1: executors uninstalled:"), 0);
}

#[test]
fn a_type_change_mid_loop_deopts() {
    let (stdout, stderr) =
        stats_for("x = 0\nfor i in range(2000):\n    if i == 1000:\n        x = 0.5\n    x = x + 1\nprint(x)\n");
    assert_eq!(stdout, "1000.5\n");
    assert!(count(&stderr, "tier1: deopts:") > 0, "{stderr}");
    assert!(count(&stderr, "tier1:   deopt BINARY_OP:") > 0, "{stderr}");
}
