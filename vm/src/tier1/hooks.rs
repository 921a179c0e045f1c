//! The optimizer hook. The VM knows nothing of tier 2: when a JUMP_BACKWARD gets hot
//! it asks the installed `Optimizer` for an executor; if one comes back it is stored on
//! the code object and the back edge becomes ENTER_EXECUTOR. The default (no optimizer)
//! declines, and the back edge backs off.

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
    fn execute(&self, vm: &mut Vm) -> PyResult<ExecutorExit>;
    /// False once a dependency changed; tier 1 then runs the original instruction.
    fn is_valid(&self) -> bool;
    /// The oparg of the JUMP_BACKWARD this executor replaced.
    fn original_oparg(&self) -> u32;
}

pub trait Optimizer {
    /// Called when the back edge at code unit `ip` of `code` is hot.
    fn optimize(&mut self, vm: &mut Vm, code: StackRef, ip: usize) -> Option<std::rc::Rc<dyn Executor>>;
}
