//! The hook through which a native backend (sidewinder-jit) turns executors into
//! machine code. Tier 2 knows no backend: the binary registers one with `set_backend`
//! for PYTHON_JIT=1. Every executor built while a backend is registered is offered to
//! it; the executor then runs its native code, or the uop interpreter when the backend
//! declined (the code memory bound was reached, say).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use sidewinder_vm::runtime::Vm;
use sidewinder_vm::PyErr;

use crate::executor::TraceExecutor;

/// How one run of a trace ended (natively or on the uop interpreter).
pub enum Outcome {
    /// Left through this exit; the top frame's ip and sp are written back.
    Exit(u16),
    /// An exception; the top frame's ip and sp are written back for the traceback.
    Error(PyErr),
    /// An interpreted root trace stopped at the top of its loop because it is now to be
    /// compiled (`TraceExecutor::ready_to_compile`); the top frame is at the trace's start.
    Recompile,
}

/// An executor's compiled code. Dropping it frees the code. While any trace runs,
/// executors and code are never dropped (`defer_drop`), because compiled code jumps
/// from trace to trace without returning.
pub trait NativeCode {
    /// Runs the code, and the code of the traces it chains to. Answers how the run
    /// ended and, when it ended in another executor than `executor`, that executor
    /// (whose exit the outcome names).
    fn run(&self, vm: &mut Vm, executor: &TraceExecutor) -> (Outcome, Option<Rc<TraceExecutor>>);
    /// Makes exit `exit` jump straight to `target`'s code (None: return instead).
    fn link_exit(&self, exit: u16, target: Option<&Rc<dyn NativeCode>>);
    /// The executor was invalidated: no trace may jump into this code any more.
    fn invalidate(&self);
    fn as_any(&self) -> &dyn Any;
}

/// A compiler of executors.
pub trait Backend {
    /// Compiles the executor's optimized trace, or declines (returning None).
    fn compile(&self, executor: &TraceExecutor) -> Option<Rc<dyn NativeCode>>;
    /// The backend's `-X jit-stats` lines.
    fn report(&self) -> String;
}

thread_local! {
    static BACKEND: RefCell<Option<Rc<dyn Backend>>> = const { RefCell::new(None) };
    /// Runs of traces in progress (nested when a trace calls code that enters another).
    static RUNS: Cell<u32> = const { Cell::new(0) };
    /// Executors and code given up while a trace ran, dropped when none runs.
    static DEFERRED: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Drops an executor reference: at once when it is not the last one (nothing is freed
/// then), else as `defer_drop` does.
pub fn release_executor(executor: Rc<TraceExecutor>) {
    if Rc::strong_count(&executor) > 1 {
        drop(executor);
    } else {
        defer_drop(executor);
    }
}

/// Drops `value` now, or once no trace runs if one does.
pub fn defer_drop<T: 'static>(value: T) {
    if RUNS.with(|r| r.get()) == 0 {
        drop(value);
    } else {
        DEFERRED.with(|d| d.borrow_mut().push(Box::new(value)));
    }
}

/// Drops what was deferred, when the caller's run is the only one in progress and is
/// between two traces (no compiled code is on the stack then).
pub fn drop_deferred_between_traces() {
    if RUNS.with(|r| r.get()) == 1 && DEFERRED.with(|d| !d.borrow().is_empty()) {
        let batch = DEFERRED.with(|d| std::mem::take(&mut *d.borrow_mut()));
        drop(batch);
    }
}

/// Marks a run of traces in progress for its lifetime.
pub struct RunGuard(());

impl RunGuard {
    pub fn enter() -> RunGuard {
        RUNS.with(|r| r.set(r.get() + 1));
        RunGuard(())
    }
}

impl Drop for RunGuard {
    fn drop(&mut self) {
        let left = RUNS.with(|r| {
            r.set(r.get() - 1);
            r.get()
        });
        if left == 0 && DEFERRED.with(|d| !d.borrow().is_empty()) {
            loop {
                let batch = DEFERRED.with(|d| std::mem::take(&mut *d.borrow_mut()));
                if batch.is_empty() {
                    break;
                }
                drop(batch);
            }
        }
    }
}

/// Registers the backend that compiles every executor built from now on.
pub fn set_backend(backend: Rc<dyn Backend>) {
    BACKEND.with(|b| *b.borrow_mut() = Some(backend));
}

/// The registered backend, if any.
pub fn backend() -> Option<Rc<dyn Backend>> {
    BACKEND.with(|b| b.borrow().clone())
}
