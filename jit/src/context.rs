//! The context native code runs with: one `JitContext` per run, passed to the compiled
//! function and to every helper it calls. Its layout is `repr(C)` because the compiled
//! code reads `frame` at a fixed offset.

use sidewinder_tier2::executor::TraceExecutor;
use sidewinder_vm::runtime::frame::Frame;
use sidewinder_vm::runtime::Vm;
use sidewinder_vm::uops::Keys;
use sidewinder_vm::PyErr;

/// A helper's answer: go on with the next uop.
pub const STATUS_CONTINUE: u32 = 0;
/// A helper's answer: the trace leaves by the uop's exit (ip and sp are written back).
pub const STATUS_EXIT: u32 = 1;
/// A helper's answer: an exception is in `JitContext::error` (ip and sp written back).
pub const STATUS_ERROR: u32 = 2;

/// What the compiled function returns when the run ended in an exception; any other
/// value is the index of the exit taken.
pub const RETURN_ERROR: u32 = u32::MAX;

/// Where a compiled trace can be jumped to: its code and its executor. Each trace
/// owns one; the traces linked to it keep it alive, and its code address is cleared
/// when the executor is invalidated, so that no jump lands in stale code.
#[repr(C)]
pub struct EntryCell {
    pub code: std::cell::Cell<usize>,
    pub executor: std::cell::Cell<usize>,
}

pub const ENTRY_CODE_OFFSET: i32 = std::mem::offset_of!(EntryCell, code) as i32;
pub const ENTRY_EXECUTOR_OFFSET: i32 = std::mem::offset_of!(EntryCell, executor) as i32;

#[repr(C)]
pub struct JitContext {
    /// The VM's top frame. Helpers that may push or pop frames (or grow the frame
    /// vector) refresh it before returning; compiled code reloads it after them.
    pub frame: *mut Frame,
    pub vm: *mut Vm,
    /// The executor whose trace runs (changed by jumps from trace to trace).
    pub executor: *const TraceExecutor,
    /// The exception of a run that ended with `RETURN_ERROR`.
    pub error: Option<PyErr>,
    /// The typed register of the uop interpreter: the dict keys a guard passes to the
    /// uop after it.
    pub typed_keys: Option<Keys>,
    /// Passes through the loops of the traces this run went through (each trace adds
    /// its own when it leaves by an exit): what tells a loop that runs many times per
    /// entry from one left after a pass or two.
    pub loop_passes: u64,
}

impl JitContext {
    /// The byte offset of `frame`, which compiled code loads.
    pub const FRAME_OFFSET: i32 = std::mem::offset_of!(JitContext, frame) as i32;
    /// The byte offset of `executor`, which compiled code sets when it jumps to
    /// another trace.
    pub const EXECUTOR_OFFSET: i32 = std::mem::offset_of!(JitContext, executor) as i32;
    /// The byte offset of `loop_passes`, which compiled code adds to at its exits.
    pub const LOOP_PASSES_OFFSET: i32 = std::mem::offset_of!(JitContext, loop_passes) as i32;

    pub fn new(vm: &mut Vm, executor: &TraceExecutor) -> JitContext {
        let frame = vm.frames.last_mut().expect("a trace runs in a frame") as *mut Frame;
        JitContext { frame, vm, executor, error: None, typed_keys: None, loop_passes: 0 }
    }
}
