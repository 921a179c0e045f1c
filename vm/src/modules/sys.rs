//! The sys module: argv, exit, the recursion limit, maxsize, version, platform,
//! and minimal stdout/stderr objects (with `write` and `flush`).

use std::io::Write;

use num_traits::ToPrimitive;

use crate::builtins::args::{check_positional, exactly_one, no_args, no_keywords};
use crate::builtins::values::{index_bigint, str_data};
use crate::modules::ModuleBuilder;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::new;
use crate::runtime::errors::{overflow_error, type_error, value_error, ExcType, PyErr};
use crate::runtime::types::{none, type_name_of};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("exit", sys_exit),
    ("setrecursionlimit", sys_setrecursionlimit),
    ("getrecursionlimit", sys_getrecursionlimit),
    ("intern", sys_intern),
];

pub(crate) fn create(vm: &mut Vm) -> StackRef {
    let module = ModuleBuilder::new("sys");
    module.functions(FUNCTIONS);
    let argv: Vec<StackRef> = vm.argv.iter().map(|a| new::str(a)).collect();
    module.value("argv", new::list(argv));
    module.value("maxsize", new::int(i64::MAX));
    module.value("version", new::str("3.11.7 (sidewinder) [rustc]"));
    module.value(
        "version_info",
        new::tuple(vec![new::int(3), new::int(11), new::int(7), new::str("final"), new::int(0)]),
    );
    module.value("hexversion", new::int(0x030B07F0));
    module.value("platform", new::str("linux"));
    module.value("byteorder", new::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    module.value("path", new::list(Vec::new()));
    module.value("stdout", stream("sys.stdout", stdout_write, stdout_flush));
    module.value("stderr", stream("sys.stderr", stderr_write, stderr_flush));
    module.finish()
}

/// A minimal file-like object: a module-like namespace with `write` and `flush`.
fn stream(name: &str, write: BuiltinFn, flush: BuiltinFn) -> StackRef {
    let module = ModuleBuilder::new(name);
    module.functions(&[("write", write), ("flush", flush)]);
    module.finish()
}

fn write_text(args: &Args<'_>, fname: &str) -> PyResult<&'static str> {
    let text = exactly_one(fname, args)?;
    match str_data(text) {
        Some(s) => Ok(&s.value),
        None => Err(type_error(format!("write() argument must be str, not {}", type_name_of(text)))),
    }
}

fn stdout_write(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let text = write_text(&args, "write")?;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(new::int(text.chars().count() as i64))
}

fn stdout_flush(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("flush", &args)?;
    let _ = std::io::stdout().lock().flush();
    Ok(none())
}

fn stderr_write(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let text = write_text(&args, "write")?;
    // Keep the relative order of the two streams when both go to a terminal.
    let _ = std::io::stdout().lock().flush();
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
    Ok(new::int(text.chars().count() as i64))
}

fn stderr_flush(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("flush", &args)?;
    let _ = std::io::stderr().lock().flush();
    Ok(none())
}

fn sys_exit(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("exit", &args)?;
    check_positional("exit", args.pos().len(), 0, 1)?;
    Err(match args.pos().first() {
        None => PyErr::bare(ExcType::SystemExit),
        Some(code) => PyErr::with_args(ExcType::SystemExit, &[*code]),
    })
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let limit = exactly_one("sys.setrecursionlimit", &args)?;
    let limit = index_bigint(vm, limit)?;
    let limit = limit.to_i32().ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
    if limit < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    // Python frames plus this call, as CPython counts them.
    let depth = vm.frames.len() + 1;
    if depth >= limit as usize {
        return Err(PyErr::new(
            ExcType::RecursionError,
            format!("cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    vm.recursion_limit = limit as usize;
    Ok(none())
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("sys.getrecursionlimit", &args)?;
    Ok(new::int(vm.recursion_limit as i64))
}

fn sys_intern(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let s = exactly_one("intern", &args)?;
    match str_data(s) {
        Some(data) => Ok(new::intern(&data.value)),
        None => Err(type_error(format!("intern() argument must be str, not {}", type_name_of(s)))),
    }
}
