//! Ctrl-C reaches Python code as KeyboardInterrupt at the next safepoint: a program
//! can catch it, and an uncaught one exits with status 130 as in CPython.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn interrupt_after_start(program: &str) -> std::process::Output {
    let child = Command::new(env!("CARGO_BIN_EXE_sidewinder"))
        .args(["-c", program])
        .env("PYTHON_JIT", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sidewinder");
    // Wait for the program to announce that its loop is running.
    std::thread::sleep(Duration::from_millis(400));
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("run kill");
    assert!(status.success());
    let start = Instant::now();
    let output = child.wait_with_output().expect("wait for sidewinder");
    assert!(start.elapsed() < Duration::from_secs(20), "the interrupt was not noticed promptly");
    output
}

#[test]
fn uncaught_keyboard_interrupt_exits_130() {
    let output = interrupt_after_start("while True:\n    pass\n");
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("Traceback (most recent call last):"), "{stderr}");
    assert_eq!(stderr.lines().last(), Some("KeyboardInterrupt"));
}

#[test]
fn keyboard_interrupt_can_be_caught() {
    let output =
        interrupt_after_start("try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\n");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "caught\n");
}
