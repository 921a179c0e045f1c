//! Deferred reference counting must reclaim temporaries: a loop making 10 million
//! temporary floats runs in bounded memory (peak RSS under 50 MB), in tier 1.

use std::process::Command;

#[test]
fn ten_million_temporary_floats_run_in_bounded_memory() {
    let program = "x = 0.0\nfor i in range(10_000_000):\n    x = x * 0.5 + 1.0\nprint(x)\n";
    let output = Command::new(env!("CARGO_BIN_EXE_sidewinder"))
        .args(["-X", "jit-stats", "-c", program])
        .env("PYTHON_JIT", "0")
        .output()
        .expect("run sidewinder");
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "2.0\n");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak_kib: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("process: peak RSS "))
        .and_then(|rest| rest.trim_end_matches(" kB").parse().ok())
        .expect("-X jit-stats reports the peak RSS");
    assert!(peak_kib < 50 * 1024, "peak RSS {peak_kib} kB is not under 50 MB");
}
