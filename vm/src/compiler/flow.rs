//! Control flow: loops, `break`/`continue`/`return` (which run the `finally` bodies
//! and handler cleanups they leave), and try/except/else/finally with CPython
//! 3.11+-style zero-cost exception handling.
//!
//! A try body is protected by a handler (SETUP pseudo-instruction, depth = stack
//! depth there). An `except` handler starts with PUSH_EXC_INFO under a cleanup
//! handler (with lasti) whose code is `COPY 3; POP_EXCEPT; RERAISE 1`; `finally`
//! bodies are compiled twice (normal and exceptional path) and again, inlined,
//! before each `return`/`break`/`continue` that leaves them.

use ruff_python_ast::{self as ast, ExceptHandler, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::opcodes::op;

use super::code::Constant;
use super::codegen::{Compiler, Ctx};
use super::constants::{fold, truthy};
use super::error::CResult;
use super::ir::Label;

/// A block the current statement is nested in, for unwinding.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    WhileLoop {
        start: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    ForLoop {
        start: Label,
        exit: Label,
    },
    /// The body of a try/except (one handler active).
    TryExcept,
    /// The body of a try/finally (one handler active).
    FinallyTry {
        body: &'a [Stmt],
    },
    /// The exceptional-path finally body: [prev_exc, exc] on the stack, cleanup active.
    FinallyEnd,
    /// An except-handler body: prev_exc on the stack; the cleanup handler (and for a
    /// named handler, the name-clearing handler) active.
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// A value (the return value) saved on the stack under a finally body.
    PopValue,
    /// The body of a with statement: the bound `__exit__` on the stack, its handler
    /// active. `range` is the statement's (the `__exit__` call's location).
    With {
        range: TextRange,
        is_async: bool,
    },
}

impl<'a> Compiler<'a> {
    /// Emits the code leaving one block. `preserve_tos`: a value on top of the stack
    /// must survive.
    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match fb {
            FBlock::WhileLoop { .. } => {}
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(op::SWAP, 2);
                }
                self.emit(op::POP_TOP, 0);
            }
            FBlock::TryExcept => {
                self.pop_handler();
            }
            FBlock::FinallyTry { body } => {
                self.pop_handler();
                if preserve_tos {
                    self.unit.fblocks.push(FBlock::PopValue);
                }
                let saved = self.unit.loc;
                self.stmts(body)?;
                self.unit.loc = saved;
                if preserve_tos {
                    self.unit.fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(op::SWAP, 2);
                }
                self.emit(op::POP_TOP, 0); // the exception
                if preserve_tos {
                    self.emit(op::SWAP, 2);
                }
                self.pop_handler();
                self.emit(op::POP_EXCEPT, 0);
            }
            FBlock::With { range, is_async } => {
                self.pop_handler();
                let saved = self.unit.loc;
                self.unit.loc = self.location(*range);
                if preserve_tos {
                    self.emit(op::SWAP, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.await_top(2);
                }
                self.emit(op::POP_TOP, 0);
                self.unit.loc = saved;
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(op::SWAP, 2);
                }
                self.pop_handler();
                self.emit(op::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.clear_name(name);
                }
            }
        }
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name` body.
    fn clear_name(&mut self, name: &str) {
        self.load_const(Constant::None);
        self.name_op(name, Ctx::Store);
        self.name_op(name, Ctx::Del);
    }

    /// Unwinds blocks from the innermost outwards, stopping at (and not unwinding)
    /// the innermost loop if `to_loop`. Returns that loop. The block and handler
    /// stacks must be restored by the caller afterwards.
    fn unwind_blocks(&mut self, preserve_tos: bool, to_loop: bool) -> CResult<Option<FBlock<'a>>> {
        while let Some(top) = self.unit.fblocks.last().cloned() {
            if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                return Ok(Some(top));
            }
            self.unit.fblocks.pop();
            self.unwind_fblock(&top, preserve_tos)?;
        }
        Ok(None)
    }

    fn save_blocks(&self) -> (Vec<FBlock<'a>>, Vec<u32>) {
        (self.unit.fblocks.clone(), self.unit.handler_stack.clone())
    }

    fn restore_blocks(&mut self, saved: (Vec<FBlock<'a>>, Vec<u32>)) {
        (self.unit.fblocks, self.unit.handler_stack) = saved;
    }

    pub(crate) fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult<()> {
        if r.value.is_some() && self.unit.flags & super::code::code_flags::ASYNC_GENERATOR != 0 {
            return Err(self.syntax_error("'return' with value in async generator", r.range));
        }
        let constant = match &r.value {
            None => Some(Constant::None),
            Some(v) => fold(v),
        };
        let preserve = constant.is_none();
        if preserve {
            self.expr(r.value.as_ref().unwrap())?;
        }
        let saved = self.save_blocks();
        self.unwind_blocks(preserve, false)?;
        self.unit.loc = self.location(r.range);
        if let Some(c) = constant {
            let at = r.value.as_ref().map_or(r.range, |v| v.range());
            self.at(at, |c2| c2.load_const(c));
        }
        self.emit(op::RETURN_VALUE, 0);
        self.restore_blocks(saved);
        Ok(())
    }

    pub(crate) fn break_continue(&mut self, range: TextRange, is_break: bool) -> CResult<()> {
        let saved = self.save_blocks();
        let Some(lp) = self.unwind_blocks(false, true)? else {
            let msg = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(self.syntax_error(msg, range));
        };
        self.unit.loc = self.location(range);
        match (lp, is_break) {
            (FBlock::ForLoop { exit, .. }, true) => {
                self.emit(op::POP_TOP, 0);
                self.jump(exit);
            }
            (FBlock::WhileLoop { exit, .. }, true) => self.jump(exit),
            (FBlock::ForLoop { start, .. } | FBlock::WhileLoop { start, .. }, false) => self.jump(start),
            _ => unreachable!(),
        }
        self.restore_blocks(saved);
        Ok(())
    }

    pub(crate) fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let constant = fold(&w.test).as_ref().and_then(truthy);
        if constant == Some(false) {
            return self.stmts(&w.orelse);
        }
        let header = TextRange::new(w.range.start(), w.test.range().end());
        let (start, orelse, exit) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(start);
        if constant.is_none() {
            self.jump_if(&w.test, orelse, false)?;
        }
        self.unit.fblocks.push(FBlock::WhileLoop { start, exit });
        self.stmts(&w.body)?;
        self.unit.fblocks.pop();
        self.at(header, |c| c.jump(start));
        self.bind(orelse);
        self.stmts(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    pub(crate) fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        let header = TextRange::new(f.range.start(), f.iter.range().end());
        self.iterable(&f.iter)?;
        let (start, cleanup, exit) = (self.new_label(), self.new_label(), self.new_label());
        self.at(header, |c| {
            c.emit(op::GET_ITER, 0);
            c.bind(start);
            c.emit_jump(op::FOR_ITER, cleanup);
        });
        self.store_target(&f.target)?;
        self.unit.fblocks.push(FBlock::ForLoop { start, exit });
        self.stmts(&f.body)?;
        self.unit.fblocks.pop();
        self.at(header, |c| c.jump(start));
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    /// `exit(None, None, None)` for the bound `__exit__` on top (the first None fills
    /// CALL's self slot, so it is passed as the first argument).
    fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(Constant::None);
        }
        self.emit(op::CALL, 2);
    }

    /// `with a as x, b: body` from item `index` on, as CPython 3.11 compiles it:
    /// BEFORE_WITH leaves the bound `__exit__` under `__enter__()`'s result; a handler
    /// (with lasti) protects the body; the normal path calls `__exit__(None, None,
    /// None)`, the exceptional one WITH_EXCEPT_START, re-raising unless it returned true.
    /// `async with` is the same with `__aenter__`/`__aexit__`, each result awaited.
    pub(crate) fn with_stmt(&mut self, w: &'a ast::StmtWith, index: usize) -> CResult<()> {
        let item = &w.items[index];
        let (handler, cleanup, exit) = (self.new_label(), self.new_label(), self.new_label());
        self.expr(&item.context_expr)?;
        self.unit.loc = self.location(item.context_expr.range());
        if w.is_async {
            self.emit(op::BEFORE_ASYNC_WITH, 0);
            self.await_top(1);
        } else {
            self.emit(op::BEFORE_WITH, 0);
        }
        // The handler keeps `__exit__` but not `__enter__()`'s result above it.
        self.setup_handler_below(handler, true, 1);
        self.unit.fblocks.push(FBlock::With { range: w.range, is_async: w.is_async });
        match &item.optional_vars {
            Some(target) => self.store_target(target)?,
            None => self.emit(op::POP_TOP, 0),
        }
        if index + 1 < w.items.len() {
            self.with_stmt(w, index + 1)?;
        } else {
            self.stmts(&w.body)?;
        }
        self.unit.fblocks.pop();
        self.pop_handler();
        // The normal exit.
        self.unit.loc = self.location(w.range);
        self.call_exit_with_nones();
        if w.is_async {
            self.await_top(2);
        }
        self.emit(op::POP_TOP, 0);
        self.jump(exit);
        // The exceptional exit: [exit, lasti, exc].
        self.bind(handler);
        self.setup_handler(cleanup, true);
        self.emit(op::PUSH_EXC_INFO, 0);
        self.emit(op::WITH_EXCEPT_START, 0);
        if w.is_async {
            self.await_top(2);
        }
        self.emit(op::TO_BOOL, 0);
        let suppressed = self.new_label();
        self.emit_jump(op::POP_JUMP_IF_TRUE, suppressed);
        self.emit(op::RERAISE, 2);
        self.pop_handler();
        self.cleanup_block(cleanup);
        // Suppressed: drop exc, restore the previous exception, drop lasti and exit.
        self.bind(suppressed);
        self.emit(op::POP_TOP, 0);
        self.emit(op::POP_EXCEPT, 0);
        self.emit(op::POP_TOP, 0);
        self.emit(op::POP_TOP, 0);
        self.bind(exit);
        Ok(())
    }

    pub(crate) fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if t.is_star {
            return Err(self.unsupported("'except*' is not supported yet", t.range));
        }
        if t.finalbody.is_empty() {
            self.try_except(t)
        } else {
            self.try_finally(t)
        }
    }

    /// The cleanup of an except handler or exceptional finally body:
    /// [prev_exc, lasti, exc] -> restore prev_exc and re-raise.
    fn cleanup_block(&mut self, label: Label) {
        self.bind(label);
        self.emit(op::COPY, 3);
        self.emit(op::POP_EXCEPT, 0);
        self.emit(op::RERAISE, 1);
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let (final_exc, cleanup, exit) = (self.new_label(), self.new_label(), self.new_label());
        let try_loc =
            self.location(TextRange::new(t.range.start(), t.range.start() + ruff_text_size::TextSize::from(3)));
        self.unit.loc = try_loc;
        // try body
        self.setup_handler(final_exc, false);
        self.unit.fblocks.push(FBlock::FinallyTry { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.unit.fblocks.pop();
        self.pop_handler();
        // normal path
        self.stmts(&t.finalbody)?;
        self.unit.loc = try_loc;
        self.jump(exit);
        // exceptional path
        self.bind(final_exc);
        self.setup_handler(cleanup, true);
        self.emit(op::PUSH_EXC_INFO, 0);
        self.unit.fblocks.push(FBlock::FinallyEnd);
        self.stmts(&t.finalbody)?;
        self.unit.fblocks.pop();
        self.emit(op::RERAISE, 0);
        self.pop_handler();
        self.cleanup_block(cleanup);
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let (except, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
        let try_loc =
            self.location(TextRange::new(t.range.start(), t.range.start() + ruff_text_size::TextSize::from(3)));
        self.unit.loc = try_loc;
        self.setup_handler(except, false);
        self.unit.fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.unit.fblocks.pop();
        self.pop_handler();
        self.stmts(&t.orelse)?;
        self.unit.loc = try_loc;
        self.jump(end);

        self.bind(except);
        let cleanup_h = self.setup_handler(cleanup, true);
        self.emit(op::PUSH_EXC_INFO, 0);
        for h in &t.handlers {
            let ExceptHandler::ExceptHandler(h) = h;
            let header = match &h.type_ {
                Some(ty) => TextRange::new(h.range.start(), ty.range().end()),
                None => TextRange::new(h.range.start(), h.range.start() + ruff_text_size::TextSize::from(6)),
            };
            self.unit.loc = self.location(header);
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(op::CHECK_EXC_MATCH, 0);
                self.emit_jump(op::POP_JUMP_IF_FALSE, next);
            }
            match &h.name {
                Some(name) => {
                    let name: &'a str = name.as_str();
                    self.name_op(name, Ctx::Store);
                    let cleanup_end = self.new_label();
                    self.setup_handler(cleanup_end, true);
                    self.unit.fblocks.push(FBlock::HandlerCleanup { name: Some(name) });
                    self.stmts(&h.body)?;
                    self.unit.fblocks.pop();
                    self.unit.loc = self.location(header);
                    self.pop_handler(); // cleanup_end
                    self.pop_handler(); // cleanup
                    self.emit(op::POP_EXCEPT, 0);
                    self.clear_name(name);
                    self.jump(end);
                    // an exception in the body: clear the name and re-raise
                    self.unit.handler_stack.push(cleanup_h);
                    self.bind(cleanup_end);
                    self.clear_name(name);
                    self.emit(op::RERAISE, 1);
                }
                None => {
                    self.emit(op::POP_TOP, 0);
                    self.unit.fblocks.push(FBlock::HandlerCleanup { name: None });
                    self.stmts(&h.body)?;
                    self.unit.fblocks.pop();
                    self.unit.loc = self.location(header);
                    self.pop_handler(); // cleanup
                    self.emit(op::POP_EXCEPT, 0);
                    self.jump(end);
                    self.unit.handler_stack.push(cleanup_h);
                }
            }
            self.bind(next);
        }
        // no handler matched
        self.emit(op::RERAISE, 0);
        self.pop_handler();
        self.cleanup_block(cleanup);
        self.bind(end);
        Ok(())
    }
}
