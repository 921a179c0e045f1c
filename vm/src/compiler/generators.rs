//! Generator and coroutine constructs: the delegation loop of `yield from` and
//! `await` (SEND, YIELD_VALUE, RESUME, back to SEND), `await`, `async for`, and the
//! step of an asynchronous comprehension, compiled as CPython 3.11 does.

use ruff_python_ast::{self as ast};
use ruff_text_size::{Ranged, TextRange};

use crate::opcodes::op;

use super::code::{code_flags, Constant};
use super::codegen::Compiler;
use super::error::CResult;
use super::flow::FBlock;
use super::ir::{pseudo, Label};

impl<'a> Compiler<'a> {
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

    /// Awaits the awaitable on top of the stack, leaving its result. `context` is
    /// GET_AWAITABLE's oparg (0 `await`, 1 `__aenter__`, 2 `__aexit__`).
    pub(crate) fn await_top(&mut self, context: u32) {
        self.emit(op::GET_AWAITABLE, context);
        self.load_const(Constant::None);
        self.delegate_loop(3);
    }

    /// Whether the code being compiled is an `async def` body (a coroutine or an
    /// async generator).
    pub(crate) fn in_async_function(&self) -> bool {
        self.unit.flags & (code_flags::COROUTINE | code_flags::ASYNC_GENERATOR) != 0
    }

    /// `await value`.
    pub(crate) fn await_expr(&mut self, a: &'a ast::ExprAwait) -> CResult<()> {
        self.expr(&a.value)?;
        self.at(a.range, |c| c.await_top(0));
        Ok(())
    }

    /// One step of an `async for` (statement or comprehension), the async iterator on
    /// top of the stack: awaits its `__anext__()` under a handler at `except`, where
    /// END_ASYNC_FOR ends the loop on StopAsyncIteration. The item is left on top.
    pub(crate) fn async_for_step(&mut self, except: Label) {
        self.setup_handler(except, false);
        self.emit(op::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.delegate_loop(3);
        self.pop_handler();
    }

    pub(crate) fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if !self.in_async_function() {
            return Err(self.syntax_error("'async for' outside async function", f.range));
        }
        let header = TextRange::new(f.range.start(), f.iter.range().end());
        self.expr(&f.iter)?;
        let (start, except, exit) = (self.new_label(), self.new_label(), self.new_label());
        self.at(header, |c| {
            c.emit(op::GET_AITER, 0);
            c.bind(start);
            c.async_for_step(except);
        });
        self.store_target(&f.target)?;
        self.unit.fblocks.push(FBlock::ForLoop { start, exit });
        self.stmts(&f.body)?;
        self.unit.fblocks.pop();
        self.at(header, |c| c.jump(start));
        self.bind(except);
        self.at(f.iter.range(), |c| c.emit(op::END_ASYNC_FOR, 0));
        self.stmts(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }
}
