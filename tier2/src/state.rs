//! Tier 2's settings (from `-X` options) and its counters for `-X jit-stats`, kept per
//! thread next to the VM that runs on it.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Settings read once from the VM's `-X` options.
#[derive(Clone, Debug)]
pub struct Config {
    /// `-X jit-opt=0` turns the optimizer's passes off.
    pub optimize: bool,
    /// `-X jit-dump`: Some(None) prints to stderr, Some(Some(dir)) writes files.
    pub dump: Option<Option<PathBuf>>,
    /// `-X jit-trace-limit=N`: the most uops in one trace.
    pub max_trace_length: usize,
    /// `-X jit-promote-limit=N`: a dict whose changes invalidated executors N times is
    /// no longer promoted from (its values are guarded instead).
    pub promote_limit: u32,
    /// `-X jit-compile-after=N`: loop passes an interpreted root trace makes before it
    /// is compiled (`executor::COMPILE_AFTER_PASSES` by default; 0 compiles every trace
    /// when it is built).
    pub compile_after_passes: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            optimize: true,
            dump: None,
            max_trace_length: crate::projector::MAX_TRACE_LENGTH,
            promote_limit: crate::optimizer::globals::MAX_DICT_INVALIDATIONS,
            compile_after_passes: crate::executor::COMPILE_AFTER_PASSES,
        }
    }
}

impl Config {
    /// Reads `-X jit-opt=0|1`, `-X jit-dump[=DIR]`, `-X jit-trace-limit=N`,
    /// `-X jit-promote-limit=N` and `-X jit-compile-after=N`.
    pub fn from_x_options(options: &[String]) -> Config {
        let mut config = Config::default();
        for option in options {
            let (key, value) = match option.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (option.as_str(), None),
            };
            match key {
                "jit-opt" => config.optimize = value != Some("0"),
                "jit-dump" => config.dump = Some(value.filter(|v| !v.is_empty()).map(PathBuf::from)),
                "jit-promote-limit" => {
                    if let Some(n) = value.and_then(|v| v.parse::<u32>().ok()) {
                        config.promote_limit = n;
                    }
                }
                "jit-compile-after" => {
                    if let Some(n) = value.and_then(|v| v.parse::<u64>().ok()) {
                        config.compile_after_passes = n;
                    }
                }
                "jit-trace-limit" => {
                    if let Some(n) = value.and_then(|v| v.parse::<usize>().ok()) {
                        config.max_trace_length = n;
                    }
                }
                _ => {}
            }
        }
        config
    }
}

/// Counters reported by `-X jit-stats`.
#[derive(Default, Debug, Clone)]
pub struct Stats {
    pub traces_created: u64,
    pub side_traces_created: u64,
    pub aborted: BTreeMap<String, u64>,
    pub exits_taken: u64,
    /// Exits taken, by kind (indexed by `ExitKind as usize`).
    pub exits_by_kind: [u64; crate::ir::ExitKind::COUNT],
    pub uops_executed: u64,
    pub executors_entered: u64,
    /// Root executors uninstalled for too few passes per entry (`TraceExecutor::note_entry`).
    pub executors_too_short: u64,
    /// Uops and guards each pass removed, by pass name.
    pub removed_by_pass: BTreeMap<&'static str, (u64, u64)>,
    pub uops_before_optimization: u64,
    pub uops_after_optimization: u64,
}

thread_local! {
    static CONFIG: RefCell<Config> = RefCell::new(Config::default());
    static STATS: RefCell<Stats> = RefCell::new(Stats::default());
}

pub fn set_config(config: Config) {
    CONFIG.with(|c| *c.borrow_mut() = config);
}

pub fn config() -> Config {
    CONFIG.with(|c| c.borrow().clone())
}

/// Updates the counters.
pub fn with_stats<R>(f: impl FnOnce(&mut Stats) -> R) -> R {
    STATS.with(|s| f(&mut s.borrow_mut()))
}

/// The `-X jit-stats` lines of tier 2.
pub fn report() -> String {
    use std::fmt::Write;
    let s = with_stats(|s| s.clone());
    let mut out = String::new();
    let aborted: u64 = s.aborted.values().sum();
    let _ = writeln!(out, "tier2: traces created: {}", s.traces_created);
    let _ = writeln!(out, "tier2: side traces created: {}", s.side_traces_created);
    let _ = writeln!(out, "tier2: traces aborted: {aborted}");
    for (reason, n) in &s.aborted {
        let _ = writeln!(out, "tier2:   aborted ({reason}): {n}");
    }
    let _ = writeln!(out, "tier2: executors entered: {}", s.executors_entered);
    let _ = writeln!(out, "tier2: exits taken: {}", s.exits_taken);
    let mut by_name: BTreeMap<&str, u64> = BTreeMap::new();
    for (kind, n) in crate::ir::ExitKind::ALL.iter().zip(s.exits_by_kind) {
        if n > 0 {
            *by_name.entry(kind.name()).or_default() += n;
        }
    }
    for (kind, n) in &by_name {
        let _ = writeln!(out, "tier2:   exits ({kind}): {n}");
    }
    let _ = writeln!(out, "tier2: executors invalidated: {}", sidewinder_vm::tier1::watchers::invalidations());
    let _ = writeln!(out, "tier2: executors dropped as too short per entry: {}", s.executors_too_short);
    let _ = writeln!(out, "tier2: uops projected: {}", s.uops_before_optimization);
    let _ = writeln!(out, "tier2: uops after optimization: {}", s.uops_after_optimization);
    for (pass, (uops, guards)) in &s.removed_by_pass {
        let _ = writeln!(out, "tier2:   pass {pass}: removed {uops} uops, {guards} guards");
    }
    let _ = writeln!(out, "tier2: uops executed: {}", s.uops_executed);
    out
}
