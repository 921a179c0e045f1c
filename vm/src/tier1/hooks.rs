//! The optimizer hook. The VM knows nothing of tier 2: when a JUMP_BACKWARD gets hot
//! it asks the installed `Optimizer` for an executor; if one comes back it is stored in a
//! slot of the code object's `executors` and the back edge becomes ENTER_EXECUTOR (whose
//! oparg's low byte names the slot). Executors register their dependencies with
//! `tier1::watchers`, which calls `Executor::invalidate` when one changes; a root
//! executor then uninstalls itself (`specialize::uninstall_executor`), which restores the
//! JUMP_BACKWARD and frees the slot. The default (no optimizer) declines, and the back
//! edge backs off.

use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// How an executor finished.
pub enum ExecutorExit {
    /// The executor left the VM's frames, ip and sp written back: resume tier 1 at the
    /// top frame's `ip`.
    Resume,
}

/// A compiled or projected trace installed at a back edge.
pub trait Executor {
    /// Runs the trace starting in the VM's top frame, whose `ip` and `sp` are current.
    /// ENTER_EXECUTOR holds its own `Rc` to the executor while it runs, so uninstalling
    /// it meanwhile (a dependency changed under it) does not free it.
    fn execute(&self, vm: &mut Vm) -> PyResult<ExecutorExit>;
    /// False once a dependency changed; tier 1 then runs the original instruction.
    fn is_valid(&self) -> bool;
    /// Marks the executor invalid. Called by `tier1::watchers` when a dependency it
    /// registered changes (only while it `is_valid`). A root executor (one installed at
    /// a back edge) also uninstalls itself with `specialize::uninstall_executor`.
    fn invalidate(&self);
    /// The oparg of the JUMP_BACKWARD this executor replaced. Only its low byte is used:
    /// the executor's slot index replaces just that byte, and the EXTENDED_ARG prefixes
    /// of a wider oparg stay in place in front of the instruction.
    fn original_oparg(&self) -> u32;
}

pub trait Optimizer {
    /// Called when the back edge at code unit `ip` of `code` is hot.
    fn optimize(&mut self, vm: &mut Vm, code: StackRef, ip: usize) -> Option<std::rc::Rc<dyn Executor>>;
    /// Lines (each ending in a newline) the optimizer adds to the `-X jit-stats` report.
    fn report(&self) -> String {
        String::new()
    }
}
