//! The `sidewinder` command: runs a Python program like `python3` does, wiring tier 2
//! and the JIT in according to PYTHON_JIT.

use std::io::Write;
use std::process::ExitCode;

use sidewinder_vm::compiler::{compile_module, CompileError};
use sidewinder_vm::runtime::{JitMode, Options, Vm};
use sidewinder_vm::{ExcType, PyErr};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: sidewinder [option] ... [-c cmd | file] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-X opt : set implementation-specific option:
         -X jit-stats       print tier-1 and tier-2 counters at exit
         -X jit-dump[=DIR]  dump tier-2 traces, Cranelift IR and machine code
                            (to DIR, else stderr)
         -X jit-code-limit=BYTES  bound on live JIT code memory (default 64 MiB)
         -X perf            write a perf map for JIT code (/tmp/perf-<pid>.map)
--version : print the Sidewinder version number and exit
file   : program read from script file
arg ...: arguments passed to program in sys.argv[1:]

Environment variables:
PYTHON_JIT          : 0 (tier 1 only), interp (tier 2 on the uop interpreter)
                      or 1 (native JIT, the default)
SIDEWINDER_GC_STRESS: 1 to collect at every safepoint";

enum Program {
    File(String),
    Command(String),
}

struct Invocation {
    program: Program,
    argv: Vec<String>,
    x_options: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Option<Invocation>, (String, u8)> {
    let mut x_options = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        match arg.as_str() {
            "-h" | "--help" | "-?" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "--version" | "-V" => {
                println!("Sidewinder {} (Python 3.11 compatible)", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "-X" => {
                let value = args.get(i + 1).ok_or(("Argument expected for the -X option".to_string(), 2))?;
                x_options.push(value.clone());
                i += 2;
            }
            "-c" => {
                let code = args.get(i + 1).ok_or(("Argument expected for the -c option".to_string(), 2))?;
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                return Ok(Some(Invocation { program: Program::Command(code.clone()), argv, x_options }));
            }
            other if other.starts_with("-X") && other.len() > 2 => {
                x_options.push(other[2..].to_string());
                i += 1;
            }
            other if other.starts_with('-') && other != "-" => {
                return Err((format!("Unknown option: {other}\n{USAGE}"), 2));
            }
            file => {
                let argv = args[i..].to_vec();
                return Ok(Some(Invocation { program: Program::File(file.to_string()), argv, x_options }));
            }
        }
    }
    Err(("reading a program from standard input is not supported yet; pass a file or -c".to_string(), 2))
}

fn jit_mode() -> Result<JitMode, String> {
    match std::env::var("PYTHON_JIT") {
        Err(_) => Ok(JitMode::Native),
        Ok(v) => match v.as_str() {
            "0" => Ok(JitMode::Off),
            "interp" => Ok(JitMode::Interp),
            "1" | "" => Ok(JitMode::Native),
            other => Err(format!("PYTHON_JIT must be 0, interp or 1, not '{other}'")),
        },
    }
}

fn print_compile_error(err: &CompileError, filename: &str) {
    let mut out = String::new();
    out.push_str(&format!("  File \"{}\", line {}\n", filename, err.line));
    let line = err.source_line.trim_end();
    if !line.is_empty() {
        let stripped = line.trim_start();
        let indent = line.chars().count() - stripped.chars().count();
        out.push_str(&format!("    {stripped}\n"));
        let col = (err.col as usize).saturating_sub(1).saturating_sub(indent);
        let width = (err.end_col.saturating_sub(err.col) as usize).max(1);
        out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
    }
    out.push_str(&format!("{}: {}\n", err.exception_name(), err.message));
    eprint!("{out}");
}

/// Exit status for an uncaught exception (SystemExit is not an error).
fn report_uncaught(vm: &mut Vm, err: &PyErr) -> u8 {
    if err.matches(ExcType::SystemExit) {
        let args = vm.get_attr_str(err.exception(), "args").ok();
        let code = args.and_then(|a| sidewinder_vm::ops::getitem(vm, a, sidewinder_vm::objects::new::int(0)).ok());
        return match code {
            None => 0,
            Some(c) if c == sidewinder_vm::runtime::types::none() => 0,
            // Ints and bools are exit statuses (sys.exit(True) is 1), as in CPython.
            Some(c) if sidewinder_vm::ops::int_value(c).is_some() => {
                sidewinder_vm::ops::int_value(c).unwrap_or(1) as u8
            }
            Some(c) => {
                let text = sidewinder_vm::ops::str_string(vm, c).unwrap_or_default();
                eprintln!("{text}");
                1
            }
        };
    }
    let report = sidewinder_vm::runtime::traceback::format_exception(vm, err);
    eprint!("{report}");
    // Like CPython: an uncaught KeyboardInterrupt exits as if killed by SIGINT.
    if err.matches(ExcType::KeyboardInterrupt) {
        130
    } else {
        1
    }
}

fn run(invocation: Invocation, mode: JitMode) -> u8 {
    let (source, filename) = match &invocation.program {
        Program::Command(code) => (code.clone(), "<string>".to_string()),
        Program::File(path) => match std::fs::read_to_string(path) {
            // Like CPython 3.9+, code objects carry the script's absolute path.
            Ok(s) => (s, std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or_else(|_| path.clone())),
            Err(e) => {
                eprintln!(
                    "sidewinder: can't open file '{}': [Errno {}] {}",
                    path,
                    e.raw_os_error().unwrap_or(2),
                    if e.kind() == std::io::ErrorKind::NotFound {
                        "No such file or directory".to_string()
                    } else {
                        e.to_string()
                    }
                );
                return 2;
            }
        },
    };
    let compiled = match compile_module(&source, &filename) {
        Ok(c) => c,
        Err(e) => {
            print_compile_error(&e, &filename);
            return 1;
        }
    };
    let gc_stress = std::env::var("SIDEWINDER_GC_STRESS").map(|v| v == "1").unwrap_or(false);
    let options = Options {
        jit: mode,
        jit_stats: invocation.x_options.iter().any(|o| o == "jit-stats"),
        gc_stress,
        x_options: invocation.x_options.clone(),
    };
    let mut vm = Vm::new(options, invocation.argv);
    let interrupted = vm.interrupted.clone();
    let _ = ctrlc::set_handler(move || interrupted.store(true, std::sync::atomic::Ordering::Relaxed));
    sidewinder_tier2::install(&mut vm);
    if let Err(reason) = sidewinder_jit::install(&vm) {
        eprintln!("sidewinder: native JIT unavailable ({reason}); traces run on the uop interpreter");
    }
    let result = vm.run_module_code(&compiled);
    let status = match result {
        Ok(_) => 0,
        Err(err) => {
            let _ = std::io::stdout().flush();
            report_uncaught(&mut vm, &err)
        }
    };
    vm.shut_down();
    let _ = std::io::stdout().flush();
    if vm.options.jit_stats {
        eprint!("{}", vm.stats.report());
        if let Some(optimizer) = &vm.optimizer {
            eprint!("{}", optimizer.report());
        }
        let heap = sidewinder_vm::heap::stats();
        eprintln!(
            "heap: allocations {} frees {} collections {} cycle collections {} cycle garbage {}",
            heap.allocations, heap.frees, heap.collections, heap.cycle_collections, heap.cycle_garbage
        );
    }
    if vm.options.jit_stats {
        if let Some(peak) = peak_rss_kib() {
            eprintln!("process: peak RSS {peak} kB");
        }
    }
    status
}

/// The process's peak resident set size (VmHWM), where /proc provides it.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> ExitCode {
    sidewinder_vm::heap::set_up_process_memory();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = match jit_mode() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("sidewinder: {e}");
            return ExitCode::from(2);
        }
    };
    let invocation = match parse_args(&args) {
        Ok(Some(inv)) => inv,
        Ok(None) => return ExitCode::SUCCESS,
        Err((message, code)) => {
            eprintln!("sidewinder: {message}");
            return ExitCode::from(code);
        }
    };
    // The interpreter runs on a thread with a large stack: builtins that call back into
    // Python nest Rust frames, and the recursion limit bounds how deep that goes.
    let worker = std::thread::Builder::new()
        .name("sidewinder".into())
        .stack_size(1 << 30)
        .spawn(move || run(invocation, mode))
        .expect("spawn the interpreter thread");
    match worker.join() {
        Ok(status) => ExitCode::from(status),
        Err(_) => {
            eprintln!("sidewinder: internal error (a Rust panic); this is a bug in Sidewinder");
            ExitCode::from(70)
        }
    }
}
