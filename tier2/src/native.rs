//! The hook through which a native backend (sidewinder-jit) turns executors into
//! machine code. Tier 2 knows no backend: the binary registers one with `set_backend`
//! for PYTHON_JIT=1. Every executor built while a backend is registered is offered to
//! it; the executor then runs its native code, or the uop interpreter when the backend
//! declined (the code memory bound was reached, say).

use std::cell::RefCell;
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
}

/// An executor's compiled code. Dropping it frees the code: the executor holds one
/// reference and a run in progress holds another, so code invalidated while it runs is
/// freed when that run ends.
pub trait NativeCode {
    fn run(&self, vm: &mut Vm, executor: &TraceExecutor) -> Outcome;
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
}

/// Registers the backend that compiles every executor built from now on.
pub fn set_backend(backend: Rc<dyn Backend>) {
    BACKEND.with(|b| *b.borrow_mut() = Some(backend));
}

/// The registered backend, if any.
pub fn backend() -> Option<Rc<dyn Backend>> {
    BACKEND.with(|b| b.borrow().clone())
}
