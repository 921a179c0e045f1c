//! Python frames. A frame's locals and value stack live in the VM's data stack; the
//! frame records where, plus the code, function, globals and the instruction pointer.
//! `sp` is only current when written back (before escaping calls and at safepoints).

use crate::objects::code::CodeData;
use crate::value::{Locals, StackPtr, StackRef};

pub struct Frame {
    pub code: &'static CodeData,
    /// The code object value.
    pub code_ref: StackRef,
    /// The function being run, or NULL for module and class bodies run directly.
    pub func: StackRef,
    pub globals: StackRef,
    pub builtins: StackRef,
    /// The namespace dict of a class body, or NULL.
    pub locals_dict: StackRef,
    pub localsplus: *mut StackRef,
    pub stack_base: *mut StackRef,
    pub sp: *mut StackRef,
    /// Code-unit index of the instruction being executed.
    pub ip: usize,
    /// Code-unit index where this frame resumes after a call it made returns.
    pub return_ip: usize,
    /// Returning from this frame returns from the Rust call that started it.
    pub entry: bool,
    /// Index of the data-stack slot where this frame's region starts.
    pub data_base: usize,
    /// The generator (or coroutine) whose storage this frame runs in, or NULL. Such a
    /// frame's locals and stack live in the generator, not in the data stack.
    pub generator: StackRef,
    /// For a generator frame: who resumed it, which decides where its caller goes on.
    pub resumer: Resumer,
    /// For a generator frame: the exception its caller was handling when it resumed,
    /// made current again when it stops (see `runtime::generators`), or NULL.
    pub caller_exc: StackRef,
}

/// Who resumed a generator frame.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Resumer {
    /// Rust code (`next()`, `send()`, ...); the frame is an entry frame.
    Rust,
    /// FOR_ITER: a yield pushes the value after the iterator; a return pops the
    /// iterator and continues at the loop's exit (the caller's `return_ip`).
    ForIter,
    /// SEND: a yield pushes the value after the receiver; a return replaces the
    /// receiver by the return value and continues at SEND's target (`return_ip`).
    Send,
    /// CALL_NEXT_GEN (`next(gen)`): a yield replaces the call's three stack entries
    /// (`next`, NULL, the generator) by the value and continues after the CALL; a return
    /// raises StopIteration at the CALL (`return_ip`).
    Next,
}

impl Frame {
    pub fn locals(&self) -> Locals {
        Locals::new(self.localsplus)
    }

    pub fn stack(&self) -> StackPtr {
        StackPtr::new(self.sp)
    }

    /// The values on the frame's value stack, bottom first (as of the last write-back).
    pub fn stack_values(&self) -> &[StackRef] {
        let depth = StackPtr::new(self.sp).depth_from(StackPtr::new(self.stack_base));
        // SAFETY: stack_base..sp is this frame's live value stack.
        unsafe { std::slice::from_raw_parts(self.stack_base, depth) }
    }

    pub fn local_values(&self) -> &[StackRef] {
        // SAFETY: localsplus has exactly local_count slots, initialised at frame push.
        unsafe { std::slice::from_raw_parts(self.localsplus, self.code.local_count()) }
    }

    /// Reports every value the frame holds.
    pub fn walk(&self, visit: &mut dyn FnMut(StackRef)) {
        for v in
            [self.func, self.globals, self.builtins, self.locals_dict, self.code_ref, self.generator, self.caller_exc]
        {
            if v.is_heap() {
                visit(v);
            }
        }
        for v in self.local_values().iter().chain(self.stack_values()) {
            if v.is_heap() {
                visit(*v);
            }
        }
    }
}
