//! The compiler's intermediate form: a linear list of instructions with symbolic
//! jump labels and exception-handler annotations, before assembly into code units.

use super::code::Location;

/// A jump target, bound to a position in the instruction list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub u32);

/// Pseudo opcodes (never in the output; real opcodes are < 256).
pub(crate) mod pseudo {
    /// Unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD at assembly.
    pub const JUMP: u16 = 0x100;
    /// Marks where handler `arg` becomes active: the stack depth here is the depth
    /// the handler cuts the stack to.
    pub const SETUP: u16 = 0x101;
    /// STORE_FAST into the slot of cell variable `arg` (an index into the unit's cell
    /// and free variables, like the deref instructions' args before `finish` turns them
    /// into frame slots): clears an inlined comprehension's cell before its MAKE_CELL.
    pub const STORE_FAST_CELL_SLOT: u16 = 0x102;
    /// Unconditional backward jump that is not a safepoint (the `yield from` and
    /// `await` loops); becomes JUMP_BACKWARD_NO_INTERRUPT.
    pub const JUMP_NO_INTERRUPT: u16 = 0x103;
}

#[derive(Clone, Debug)]
pub(crate) struct Instr {
    pub op: u16,
    pub arg: u32,
    pub target: Option<Label>,
    pub loc: Location,
    /// The innermost active exception handler (index into `Stream::handlers`).
    pub handler: Option<u32>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Handler {
    pub label: Label,
    /// Push the offset of the raising instruction before the exception.
    pub lasti: bool,
    /// Stack items above the handler's depth when it is set up (a with statement's
    /// `__enter__()` result, which the handler does not keep).
    pub above: u32,
}

/// The instructions of one code object under construction.
#[derive(Default)]
pub(crate) struct Stream {
    pub instrs: Vec<Instr>,
    /// Position in `instrs` each label is bound to.
    pub labels: Vec<Option<usize>>,
    pub handlers: Vec<Handler>,
}

impl Stream {
    pub(crate) fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub(crate) fn bind(&mut self, label: Label) {
        debug_assert!(self.labels[label.0 as usize].is_none(), "label bound twice");
        self.labels[label.0 as usize] = Some(self.instrs.len());
    }

    pub(crate) fn new_handler(&mut self, label: Label, lasti: bool) -> u32 {
        self.handlers.push(Handler { label, lasti, above: 0 });
        self.handlers.len() as u32 - 1
    }
}
