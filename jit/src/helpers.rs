//! The small runtime functions compiled code calls besides the generic uop calls:
//! boxing unboxed values, releasing a reference, the loop's safepoint, and popping an
//! inlined frame.

use sidewinder_tier2::ir::TraceUop;
use sidewinder_vm::heap;
use sidewinder_vm::objects::new;
use sidewinder_vm::runtime::frame::Frame;
use sidewinder_vm::StackRef;

use crate::context::{JitContext, STATUS_CONTINUE, STATUS_ERROR};

/// Boxes an unboxed float. Allocation never collects, so nothing needs spilling.
pub extern "C" fn box_float(value: f64) -> u64 {
    new::float(value).bits() as u64
}

/// Boxes `count` floats: `table` holds (destination address, f64 bits) pairs; each
/// destination gets the boxed float.
///
/// # Safety
/// `table` points at `count` pairs written by compiled code, whose destinations are
/// slots of the VM's frames (locals or stack).
pub unsafe extern "C" fn box_floats(table: *const [u64; 2], count: usize) {
    for i in 0..count {
        // SAFETY: per the contract above.
        let [destination, bits] = unsafe { table.add(i).read() };
        let word = new::float(f64::from_bits(bits)).bits();
        // SAFETY: per the contract above: a frame slot, a word wide.
        unsafe { (destination as *mut usize).write(word) };
    }
}

/// Python's float power for compiled code: writes the result to `out` and answers 1,
/// or answers 0 when Python's answer is an exception or a complex number (the trace
/// then leaves, and tier 1 computes it).
///
/// # Safety
/// `out` points at an f64 slot of the compiled function's stack frame.
pub unsafe extern "C" fn power_float(base: f64, exponent: f64, out: *mut f64) -> u8 {
    match sidewinder_vm::format::float_pow(base, exponent) {
        Ok(value) => {
            // SAFETY: per the contract above.
            unsafe { out.write(value) };
            1
        }
        Err(_) => 0,
    }
}

/// Boxes an int beyond the small-int range (a big int).
pub extern "C" fn box_int(value: i64) -> u64 {
    new::int(value).bits() as u64
}

/// Drops the last counted reference to a heap object (compiled code decrements
/// inline and calls this only when the count reaches zero outside the ZCT).
pub extern "C" fn release(value: u64) {
    heap::decref(StackRef::from_bits(value as usize));
}

/// The safepoint of `_JUMP_TO_TOP` (and of entering a linked loop), taken when a flag
/// says one is due; the frame's stack pointer is already in memory.
///
/// # Safety
/// `context` is the context of the run in progress and `inst` a uop of its trace.
pub unsafe extern "C" fn safepoint(context: *mut JitContext, inst: *const TraceUop) -> u32 {
    // SAFETY: per the contract above.
    let (ctx, inst) = unsafe { (&mut *context, &*inst) };
    // SAFETY: the VM is borrowed by nothing else while native code runs.
    let vm = unsafe { &mut *ctx.vm };
    if !vm.safepoint_due() {
        return STATUS_CONTINUE;
    }
    match vm.safepoint_in_trace() {
        Ok(()) => STATUS_CONTINUE,
        Err(e) => {
            let frame = vm.frames.last_mut().expect("a trace runs in a frame");
            frame.ip = inst.target as usize;
            ctx.error = Some(e);
            STATUS_ERROR
        }
    }
}

/// `_INIT_CALL_PY_EXACT_ARGS` for compiled code: pushes the frame of `callable` (a
/// function whose arguments the guards checked) with its locals unset (compiled code
/// holds the arguments) and makes it the context's frame. On failure (the recursion
/// limit) the error is set, with the caller's ip at the call.
///
/// # Safety
/// `context` is the context of the run in progress and `inst` a uop of its trace.
pub unsafe extern "C" fn push_frame(context: *mut JitContext, callable: u64, inst: *const TraceUop) -> u32 {
    // SAFETY: per the contract above.
    let (ctx, inst) = unsafe { (&mut *context, &*inst) };
    // SAFETY: the VM is borrowed by nothing else while native code runs.
    let vm = unsafe { &mut *ctx.vm };
    match vm.push_frame_exact(StackRef::from_bits(callable as usize), &[]) {
        Ok(()) => {
            ctx.frame = vm.frames.last_mut().expect("the callee's frame") as *mut Frame;
            STATUS_CONTINUE
        }
        Err(e) => {
            vm.frames.last_mut().expect("the caller's frame").ip = inst.target as usize;
            ctx.error = Some(e);
            STATUS_ERROR
        }
    }
}

/// `_POP_FRAME` after compiled code took the return value: pops the callee's frame and
/// answers the caller's, now on top.
///
/// # Safety
/// `context` is the context of the run in progress.
pub unsafe extern "C" fn pop_frame(context: *mut JitContext) -> *mut Frame {
    // SAFETY: per the contract above.
    let ctx = unsafe { &mut *context };
    // SAFETY: the VM is borrowed by nothing else while native code runs.
    let vm = unsafe { &mut *ctx.vm };
    // Traces return only from inlined calls: never to Rust, and never from a
    // generator frame (so the value is pushed, as the lowering does).
    let returned = vm.return_from_frame();
    debug_assert_eq!(returned, sidewinder_vm::runtime::generators::Returned::ToCaller { push: true });
    let frame = vm.frames.last_mut().expect("the caller's frame") as *mut Frame;
    ctx.frame = frame;
    frame
}
