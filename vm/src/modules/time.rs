//! The time module: clocks (perf_counter, monotonic, time, process_time and their
//! `_ns` forms) and sleep.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::args::{exactly_one, no_args};
use crate::builtins::values::{float_value, is_int, to_bigint, to_f64_with};
use crate::modules::ModuleBuilder;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::new;
use crate::runtime::errors::{overflow_error, value_error};
use crate::runtime::types::none;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("perf_counter", time_perf_counter),
    ("perf_counter_ns", time_perf_counter_ns),
    ("monotonic", time_monotonic),
    ("monotonic_ns", time_monotonic_ns),
    ("time", time_time),
    ("time_ns", time_time_ns),
    ("process_time", time_process_time),
    ("process_time_ns", time_process_time_ns),
    ("sleep", time_sleep),
];

pub(crate) fn create() -> StackRef {
    // Start the monotonic clock's epoch now.
    start();
    let module = ModuleBuilder::new("time");
    module.functions(FUNCTIONS);
    module.finish()
}

/// The epoch of perf_counter and monotonic.
fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn monotonic_ns() -> u128 {
    start().elapsed().as_nanos()
}

fn wall_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// CPU time of this process in nanoseconds: from /proc/self/schedstat on Linux, else
/// the monotonic clock.
fn process_ns() -> u128 {
    if let Ok(text) = std::fs::read_to_string("/proc/self/schedstat") {
        if let Some(ns) = text.split_whitespace().next().and_then(|s| s.parse::<u128>().ok()) {
            return ns;
        }
    }
    monotonic_ns()
}

fn ns_value(ns: i128) -> StackRef {
    new::bigint(num_bigint::BigInt::from(ns))
}

fn time_perf_counter(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("time.perf_counter", &args)?;
    Ok(new::float(monotonic_ns() as f64 / 1e9))
}

fn time_perf_counter_ns(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("time.perf_counter_ns", &args)?;
    Ok(ns_value(monotonic_ns() as i128))
}

fn time_monotonic(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("time.monotonic", &args)?;
    Ok(new::float(monotonic_ns() as f64 / 1e9))
}

fn time_monotonic_ns(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("time.monotonic_ns", &args)?;
    Ok(ns_value(monotonic_ns() as i128))
}

fn time_time(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("time.time", &args)?;
    Ok(new::float(wall_ns() as f64 / 1e9))
}

fn time_time_ns(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("time.time_ns", &args)?;
    Ok(ns_value(wall_ns()))
}

fn time_process_time(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("time.process_time", &args)?;
    Ok(new::float(process_ns() as f64 / 1e9))
}

fn time_process_time_ns(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_args("time.process_time_ns", &args)?;
    Ok(ns_value(process_ns() as i128))
}

fn time_sleep(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let secs = exactly_one("time.sleep", &args)?;
    let seconds = if let Some(f) = float_value(secs) {
        f
    } else if is_int(secs) {
        let b = to_bigint(secs).expect("int");
        crate::builtins::values::bigint_to_f64(&b)?
    } else {
        to_f64_with(vm, secs, |t| format!("'{t}' object cannot be interpreted as an integer"))?
    };
    if seconds.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if seconds < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if !seconds.is_finite() || seconds > 1e15 {
        return Err(overflow_error("sleep length is too large"));
    }
    std::thread::sleep(Duration::from_secs_f64(seconds));
    Ok(none())
}
