//! Generator and coroutine constructs: the delegation loop of `yield from` and
//! `await` (SEND, YIELD_VALUE, RESUME, back to SEND), generator expressions, and the
//! `async` statements.

use crate::opcodes::op;

use super::codegen::Compiler;
use super::ir::pseudo;

impl Compiler<'_> {
    /// The loop that delegates to the iterator below the value on top of the stack
    /// ([iter, value to send]) until it returns; its return value is left on the
    /// stack. `resume_kind` is RESUME's oparg after each yield (2 after a
    /// `yield from`, 3 after an `await`, as in CPython).
    pub(crate) fn delegate_loop(&mut self, resume_kind: u32) {
        let (send, exit) = (self.new_label(), self.new_label());
        self.bind(send);
        self.emit_jump(op::SEND, exit);
        self.emit(op::YIELD_VALUE, 1);
        self.emit(op::RESUME, resume_kind);
        self.push_jump(pseudo::JUMP_NO_INTERRUPT, send);
        self.bind(exit);
    }
}
