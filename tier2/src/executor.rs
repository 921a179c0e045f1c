//! Executors: an optimized trace with its exits, its dependencies and its validity.
//! A root executor is installed at a loop's back edge as ENTER_EXECUTOR; a side
//! executor hangs off a hot exit of another executor (a trace tree). Building one runs
//! projection, the optimizer, the dump and the dependency registration.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use sidewinder_vm::objects::code::CodeData;
use sidewinder_vm::objects::dict::DictData;
use sidewinder_vm::runtime::Vm;
use sidewinder_vm::tier1::hooks::{Executor, ExecutorExit};
use sidewinder_vm::tier1::specialize::uninstall_executor;
use sidewinder_vm::tier1::watchers;
use sidewinder_vm::{PyResult, StackRef};

use crate::ir::{Dependency, ExitKind, ExitSpec, Trace};
use crate::native::{self, NativeCode};
use crate::projector::{self, Abort, Start};
use crate::state::{self, with_stats};
use crate::{dump, interpreter, optimizer};

thread_local! {
    /// Root executors by where they are installed: (code object bits, back-edge code
    /// unit). Lets an exit that lands on an ENTER_EXECUTOR link straight to it.
    static INSTALLED: RefCell<HashMap<(usize, usize), Weak<TraceExecutor>>> = RefCell::new(HashMap::new());
    /// Loops whose root executor was dropped as too short per entry (see
    /// `TraceExecutor::note_entry`), by (code object bits, back-edge code unit): how many
    /// more times the optimizer declines them before it tries again, and how many times
    /// they were dropped (each doubles the wait).
    static TOO_SHORT: RefCell<HashMap<(usize, usize), ShortLoop>> = RefCell::new(HashMap::new());
}

/// Entries from tier 1 after which a root executor's passes per entry are judged.
pub const PROBATION_ENTRIES: u64 = 1000;
/// Passes through its loop per entry (natively, after tier 1's first) below which a
/// root executor costs more to enter and leave than it saves.
pub const MIN_PASSES_PER_ENTRY: u64 = 2;
/// Passes through its loop before a root executor is compiled to native code, at least
/// (and `MIN_PASSES_PER_ENTRY` per entry so far; `-X jit-compile-after=N` sets it, 0
/// compiling at once). Until then it runs on the uop interpreter, so a loop that proves
/// too short per entry is dropped before anything is compiled for it; its side traces
/// wait with it.
pub const COMPILE_AFTER_PASSES: u64 = 64;
/// Hot-loop reports declined for a loop found too short the first time, before it is
/// traced again (doubled each further time, up to `2**MAX_STRIKES` times this).
const DECLINES_BEFORE_RETRY: u32 = 16;
const MAX_STRIKES: u32 = 10;

#[derive(Clone, Copy)]
struct ShortLoop {
    declines_left: u32,
    strikes: u32,
}

/// Whether the loop at `back_edge_ip` of `code_ref` was found too short per entry
/// lately; counts the decline.
pub fn declines_short_loop(code_ref: StackRef, back_edge_ip: usize) -> bool {
    TOO_SHORT.with(|map| {
        let mut map = map.borrow_mut();
        let Some(entry) = map.get_mut(&(code_ref.bits(), back_edge_ip)) else { return false };
        if entry.declines_left == 0 {
            return false;
        }
        entry.declines_left -= 1;
        true
    })
}

/// Records that the loop at `back_edge_ip` of `code_ref` was too short per entry.
fn record_short_loop(code_ref: StackRef, back_edge_ip: usize) {
    TOO_SHORT.with(|map| {
        let mut map = map.borrow_mut();
        let entry = map.entry((code_ref.bits(), back_edge_ip)).or_insert(ShortLoop { declines_left: 0, strikes: 0 });
        entry.declines_left = DECLINES_BEFORE_RETRY << entry.strikes;
        entry.strikes = (entry.strikes + 1).min(MAX_STRIKES);
    })
}

/// Records a root executor the VM installed at `back_edge_ip` of `code_ref`.
pub fn record_installed(code_ref: StackRef, back_edge_ip: usize, executor: &Rc<TraceExecutor>) {
    INSTALLED.with(|map| map.borrow_mut().insert((code_ref.bits(), back_edge_ip), Rc::downgrade(executor)));
}

/// The root executor installed at `ip` of `code_ref`, if it is still alive.
pub fn installed_at(code_ref: StackRef, ip: usize) -> Option<Rc<TraceExecutor>> {
    INSTALLED.with(|map| map.borrow().get(&(code_ref.bits(), ip)).and_then(Weak::upgrade))
}

/// Exits taken before a side trace is projected from an exit.
pub const SIDE_EXIT_THRESHOLD: u32 = 32;
/// Most side traces chained below a root (length-limit continuations are allowed
/// further, up to `MAX_CONTINUATION_DEPTH`).
pub const MAX_CHAIN_DEPTH: u8 = 6;
const MAX_CONTINUATION_DEPTH: u8 = 32;

/// An exit of an executor, with its counter and the trace it leads on to.
pub struct Exit {
    pub spec: ExitSpec,
    /// Times taken.
    pub taken: Cell<u32>,
    /// The count at which a side trace is next attempted (doubles on failure).
    pub next_attempt: Cell<u32>,
    /// The trace run when this exit is taken: a side trace grown from it, or the root
    /// executor of the loop whose ENTER_EXECUTOR it lands on. Linked roots may refer to
    /// each other; invalidating one drops its links.
    pub side: RefCell<Option<Rc<TraceExecutor>>>,
}

/// Where a root executor is installed.
pub struct Installation {
    pub code_ref: StackRef,
    pub back_edge_ip: usize,
    pub original_oparg: u32,
}

pub struct TraceExecutor {
    /// Numbers executors in creation order (for dumps).
    pub id: u64,
    pub trace: Trace,
    pub exits: Box<[Exit]>,
    valid: Cell<bool>,
    pub installed: Option<Installation>,
    /// 0 for a root executor, else one more than its parent.
    pub chain_depth: u8,
    /// The compiled trace, when a native backend compiled it. Dropped on invalidation.
    pub native: RefCell<Option<Rc<dyn NativeCode>>>,
    /// Times tier 1 entered this executor (root executors only).
    pub entries: Cell<u64>,
    /// Passes through a loop (`_JUMP_TO_TOP`) in runs started here.
    pub loop_passes: Cell<u64>,
    /// Set while a native backend is present but compiling this executor waits (see
    /// `COMPILE_AFTER_PASSES`).
    compile_deferred: Cell<bool>,
    /// The passes a deferred compile waits for (`Config::compile_after_passes`).
    compile_after_passes: u64,
}

impl TraceExecutor {
    /// The address of the validity flag (a `bool`), which compiled code tests.
    pub fn validity_flag(&self) -> *const bool {
        self.valid.as_ptr()
    }

    /// Counts an entry from tier 1. After `PROBATION_ENTRIES` of them, a root executor
    /// whose runs average fewer than `MIN_PASSES_PER_ENTRY` passes through the loop (a
    /// loop of two or three iterations per call, entered at its back edge after the
    /// first) is uninstalled, and the optimizer declines its loop for a while.
    pub fn note_entry(&self) {
        let entries = self.entries.get() + 1;
        self.entries.set(entries);
        if entries != PROBATION_ENTRIES {
            return;
        }
        if self.loop_passes.get() >= MIN_PASSES_PER_ENTRY * entries {
            self.compile_tree();
            return;
        }
        let Some(installed) = &self.installed else { return };
        record_short_loop(installed.code_ref, installed.back_edge_ip);
        with_stats(|s| s.executors_too_short += 1);
        self.invalidate();
    }

    /// Whether this executor, interpreted while its compile waits, has now made `passes`
    /// passes through its loop, enough for compiling it (see `COMPILE_AFTER_PASSES`).
    pub fn ready_to_compile(&self, passes: u64) -> bool {
        self.compile_deferred.get()
            && passes >= self.compile_after_passes
            && passes >= MIN_PASSES_PER_ENTRY * (self.entries.get() + 1)
    }

    /// Compiles this executor, if its compile waits, and the side traces grown from it
    /// whose compile waits (not the other loops' executors its exits lead to).
    pub fn compile_tree(&self) {
        if self.compile_deferred.replace(false) {
            if let Some(backend) = native::backend() {
                let code = backend.compile(self);
                *self.native.borrow_mut() = code;
            }
        }
        for exit in self.exits.iter() {
            let side = exit.side.borrow().clone();
            if let Some(side) = side.filter(|s| s.installed.is_none() && s.is_valid()) {
                side.compile_tree();
            }
        }
    }

    /// Whether a side trace may grow from `exit` now.
    pub fn wants_side_trace(&self, exit: &Exit) -> bool {
        match exit.spec.kind {
            ExitKind::LengthLimit => {
                self.chain_depth < MAX_CONTINUATION_DEPTH && exit.taken.get() >= exit.next_attempt.get()
            }
            ExitKind::End => false,
            _ => self.chain_depth < MAX_CHAIN_DEPTH && exit.taken.get() >= exit.next_attempt.get(),
        }
    }
}

impl Executor for TraceExecutor {
    fn execute(&self, vm: &mut Vm) -> PyResult<ExecutorExit> {
        interpreter::run(vm, self)
    }

    fn is_valid(&self) -> bool {
        self.valid.get()
    }

    fn original_oparg(&self) -> u32 {
        self.installed.as_ref().map(|i| i.original_oparg).unwrap_or(0)
    }

    fn invalidate(&self) {
        if !self.valid.replace(false) {
            return;
        }
        if let Some(installed) = &self.installed {
            if let Some(code) = installed.code_ref.downcast::<CodeData>() {
                uninstall_executor(code, installed.back_edge_ip, installed.original_oparg);
            }
        }
        // No trace jumps into its code any more; the code is freed once no trace runs.
        if let Some(code) = self.native.borrow_mut().take() {
            code.invalidate();
            native::defer_drop(code);
        }
        // Side traces are reachable only through this executor: let them go with it.
        for exit in self.exits.iter() {
            if let Some(side) = exit.side.borrow_mut().take() {
                native::defer_drop(side);
            }
        }
    }
}

/// Projects, optimizes and builds an executor from `start`, and with a native backend
/// compiles it; counts the trace or the abort reason. `defer_compile` leaves the compile
/// for later (`TraceExecutor::compile_tree`): roots that close their loop wait for
/// `COMPILE_AFTER_PASSES`, side traces for their parent.
pub fn build(
    start: &Start,
    chain_depth: u8,
    installed: Option<Installation>,
    defer_compile: bool,
) -> Result<Rc<TraceExecutor>, Abort> {
    let config = state::config();
    let result = projector::project(start, config.max_trace_length).and_then(|projected| {
        let mut optimized = projected.clone();
        if config.optimize {
            optimizer::optimize(&mut optimized).map_err(|c| Abort(format!("optimizer: {}", c.0)))?;
        }
        Ok((projected, optimized))
    });
    let (projected, optimized) = match result {
        Ok(traces) => traces,
        Err(abort) => {
            with_stats(|s| *s.aborted.entry(abort.0.clone()).or_default() += 1);
            if let (Some(dir), Some(code)) = (config.dump.as_ref(), start.code_ref.downcast::<CodeData>()) {
                dump::write_abort(code, start.ip, &abort.0, dir.as_deref());
            }
            return Err(abort);
        }
    };
    let id = with_stats(|s| {
        if chain_depth == 0 {
            s.traces_created += 1;
        } else {
            s.side_traces_created += 1;
        }
        s.uops_before_optimization += projected.uops.len() as u64;
        s.uops_after_optimization += optimized.uops.len() as u64;
        s.traces_created + s.side_traces_created
    });
    let exits = optimized
        .exits
        .iter()
        .map(|spec| Exit {
            spec: *spec,
            taken: Cell::new(0),
            next_attempt: Cell::new(if spec.kind == ExitKind::LengthLimit { 0 } else { SIDE_EXIT_THRESHOLD }),
            side: RefCell::new(None),
        })
        .collect();
    if config.dump.is_some() {
        dump::write(id, chain_depth, &projected, &optimized, config.dump.as_ref().and_then(|d| d.as_deref()));
    }
    let executor = Rc::new(TraceExecutor {
        id,
        trace: optimized,
        exits,
        valid: Cell::new(true),
        installed,
        chain_depth,
        native: RefCell::new(None),
        entries: Cell::new(0),
        loop_passes: Cell::new(0),
        compile_deferred: Cell::new(false),
        compile_after_passes: config.compile_after_passes,
    });
    register_dependencies(&executor);
    if let Some(backend) = native::backend() {
        // Only a trace that closes its loop counts passes to prove itself by; a root that
        // leaves through an exit (into an inner loop's trace, say) is compiled at once.
        let can_wait = executor.trace.closes_loop || executor.chain_depth > 0;
        if defer_compile && can_wait && config.compile_after_passes > 0 {
            executor.compile_deferred.set(true);
        } else {
            let code = backend.compile(&executor);
            *executor.native.borrow_mut() = code;
        }
    }
    Ok(executor)
}

fn register_dependencies(executor: &Rc<TraceExecutor>) {
    let as_dyn: Rc<dyn Executor> = executor.clone();
    let weak: Weak<dyn Executor> = Rc::downgrade(&as_dyn);
    for dependency in &executor.trace.dependencies {
        match *dependency {
            Dependency::Dict(dict) => {
                if let Some(dict) = dict.downcast::<DictData>() {
                    watchers::watch_dict(dict, &weak);
                }
            }
            Dependency::Type(ty) => watchers::watch_type(ty, &weak),
            Dependency::FunctionVersion(version) => watchers::watch_function_version(version, &weak),
        }
    }
}
