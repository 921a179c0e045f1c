//! The lowering's compile-time picture of the top frame: which values the compiled
//! code holds in Cranelift values rather than in the frame, and in what form.
//!
//! The evaluation stack is split in two: the part in the frame's memory (below the
//! stack pointer variable, plus `mem_depth` slots, which is negative once values were
//! popped off it) and the virtual part above it, held in `stack`. Locals read or
//! written in the trace are cached in `locals`; a dirty one differs from the frame.
//! Spilling (`Lowerer::spill_*`) writes the virtual part back and empties it.

use std::collections::BTreeMap;

use cranelift_codegen::ir::Value;

/// A Python value held by compiled code.
#[derive(Clone, Copy, Debug)]
pub enum Val {
    /// A `StackRef` word: a tagged small int, a heap pointer, or NULL.
    Word(Value),
    /// An unboxed int within the small-int range (an i64).
    Int(Value),
    /// An unboxed float (an f64).
    Float(Value),
    /// An unboxed bool (an i8, 0 or 1): True or False.
    Bool(Value),
    /// A constant word: an immortal or trace-held object, or a tagged small int.
    Const(i64),
}

impl Val {
    /// Whether the value is known to be a small int.
    pub fn is_int(self) -> bool {
        match self {
            Val::Int(_) => true,
            Val::Const(bits) => bits & 1 == 1,
            _ => false,
        }
    }

    pub fn is_float(self) -> bool {
        matches!(self, Val::Float(_))
    }
}

/// A cached local.
#[derive(Clone, Copy, Debug)]
pub struct CachedLocal {
    pub val: Val,
    /// The frame's slot does not hold this value yet.
    pub dirty: bool,
}

/// The top frame as the compiled code sees it at one point of the trace.
#[derive(Clone, Debug, Default)]
pub struct FrameState {
    /// Values above the memory part of the stack, bottom first.
    pub stack: Vec<Val>,
    /// The memory part's top, in slots from the stack pointer variable (<= 0).
    pub mem_depth: i32,
    pub locals: BTreeMap<u32, CachedLocal>,
    /// An instruction pointer `_SET_IP` set that the frame does not hold yet.
    pub pending_ip: Option<u64>,
    /// The box each unboxed float got when it was last written back, reused when it
    /// is written back again: one Python object stays one object (`is`, `id()`,
    /// identity-first containment). Only until the next point that may collect (an
    /// escaping call, a safepoint), after which a box may be gone; `clear_boxes`.
    pub boxes: BTreeMap<Value, Value>,
}

impl FrameState {
    /// Forgets the boxes of unboxed floats (at a point that may collect).
    pub fn clear_boxes(&mut self) {
        self.boxes.clear();
    }
}
