//! Simple and compound statements other than loops and try (see `flow`):
//! assignments of every target shape, `if`, `del`, `raise`, `assert`, imports.

use ruff_python_ast::{self as ast, Expr, Operator, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::opcodes::op;

use super::code::Constant;
use super::codegen::{Compiler, Ctx, UnitKind};
use super::constants::{fold, truthy};
use super::error::CResult;

/// BINARY_OP oparg for an operator (add 13 for the in-place form).
pub(crate) fn binary_op_arg(o: Operator) -> u32 {
    match o {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

pub(crate) const INPLACE: u32 = 13;

impl<'a> Compiler<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.unit.loc = self.location(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            Stmt::Assign(a) => {
                if let Some(done) = self.swap_assign(a) {
                    return done;
                }
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(op::COPY, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.annotated_assignment(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(&i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) if w.is_async && !self.in_async_function() => {
                Err(self.syntax_error("'async with' outside async function", w.range))
            }
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::TypeAlias(t) => Err(self.unsupported("'type' statements are not supported yet", t.range)),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.unit.loc = self.location(r.range);
                self.emit(op::RAISE_VARARGS, n);
                Ok(())
            }
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                self.unit.loc = self.location(a.range);
                self.emit(op::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = &a.msg {
                    self.emit(op::PUSH_NULL, 0);
                    self.expr(m)?;
                    self.emit(op::CALL, 1);
                }
                self.emit(op::RAISE_VARARGS, 1);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    if alias.name.contains('.') {
                        return Err(self.unsupported(
                            format!("dotted imports ('import {}') are not supported yet", alias.name),
                            alias.range,
                        ));
                    }
                    self.unit.loc = self.location(alias.range);
                    let idx = self.add_name(&alias.name);
                    self.emit(op::IMPORT_NAME, idx);
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.name_op(bound, Ctx::Store);
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                if i.level > 0 {
                    return Err(self.unsupported("relative imports are not supported yet", i.range));
                }
                let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                if module.contains('.') {
                    return Err(self.unsupported(
                        format!("dotted imports ('from {module} import ...') are not supported yet"),
                        i.range,
                    ));
                }
                if let Some(star) = i.names.iter().find(|a| a.name.as_str() == "*") {
                    return Err(self.unsupported("'from ... import *' is not supported yet", star.range));
                }
                let idx = self.add_name(module);
                self.emit(op::IMPORT_NAME, idx);
                for alias in &i.names {
                    self.unit.loc = self.location(alias.range);
                    let idx = self.add_name(&alias.name);
                    self.emit(op::IMPORT_FROM, idx);
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.name_op(bound, Ctx::Store);
                }
                self.unit.loc = self.location(i.range);
                self.emit(op::POP_TOP, 0);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                // Constant expression statements (docstrings, `...`) do nothing.
                if fold(&e.value).is_some() {
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(op::POP_TOP, 0);
                Ok(())
            }
            Stmt::Break(b) => self.break_continue(b.range, true),
            Stmt::Continue(c) => self.break_continue(c.range, false),
            Stmt::IpyEscapeCommand(c) => Err(self.syntax_error("invalid syntax", c.range)),
        }
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], rest: &'a [ast::ElifElseClause]) -> CResult<()> {
        match fold(test).as_ref().and_then(truthy) {
            Some(true) => return self.stmts(body),
            Some(false) => return self.else_chain(rest),
            None => {}
        }
        let end = self.new_label();
        if rest.is_empty() {
            self.jump_if(test, end, false)?;
            self.stmts(body)?;
        } else {
            let next = self.new_label();
            self.jump_if(test, next, false)?;
            self.stmts(body)?;
            self.jump(end);
            self.bind(next);
            self.else_chain(rest)?;
        }
        self.bind(end);
        Ok(())
    }

    fn else_chain(&mut self, rest: &'a [ast::ElifElseClause]) -> CResult<()> {
        let Some((first, tail)) = rest.split_first() else {
            return Ok(());
        };
        self.unit.loc = self.location(first.range);
        match &first.test {
            Some(test) => self.if_stmt(test, &first.body, tail),
            None => self.stmts(&first.body),
        }
    }

    /// Stores the value on top of the stack into a target.
    /// `target: annotation [= value]` as CPython 3.11 compiles it: the value is stored
    /// first; in a module or class body a simple name's annotation is then evaluated
    /// into `__annotations__[name]`, a complex target's evaluated and dropped, and the
    /// parts of a complex target with no value evaluated too. In functions annotations
    /// are never evaluated.
    fn annotated_assignment(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let evaluates = matches!(self.unit.kind, UnitKind::Module | UnitKind::Class);
        match &*a.target {
            Expr::Name(n) if a.simple => {
                if evaluates {
                    self.expr(&a.annotation)?;
                    self.at(a.range, |c| {
                        c.name_op("__annotations__", Ctx::Load);
                        c.load_const(Constant::Str(n.id.to_string()));
                        c.emit(op::STORE_SUBSCR, 0);
                    });
                }
                return Ok(());
            }
            Expr::Attribute(t) if a.value.is_none() => {
                self.expr(&t.value)?;
                self.emit(op::POP_TOP, 0);
            }
            Expr::Subscript(t) if a.value.is_none() => {
                self.expr(&t.value)?;
                self.emit(op::POP_TOP, 0);
                self.annotation_subscript(&t.slice)?;
            }
            _ => {}
        }
        if evaluates {
            self.expr(&a.annotation)?;
            self.emit(op::POP_TOP, 0);
        }
        Ok(())
    }

    /// The slice of an annotated subscript target with no value, evaluated for its
    /// effects (CPython's check_ann_subscr).
    fn annotation_subscript(&mut self, slice: &'a Expr) -> CResult<()> {
        match slice {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                    self.emit(op::POP_TOP, 0);
                }
            }
            Expr::Tuple(t) => {
                for e in t.elts.iter() {
                    self.annotation_subscript(e)?;
                }
            }
            other => {
                self.expr(other)?;
                self.emit(op::POP_TOP, 0);
            }
        }
        Ok(())
    }

    pub(crate) fn store_target(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                self.at(n.range, |c| c.name_op(&n.id, Ctx::Store));
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.at(a.range, |c| {
                    let i = c.add_name(&a.attr);
                    c.emit(op::STORE_ATTR, i);
                });
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                match &*s.slice {
                    Expr::Slice(sl) if sl.step.is_none() => {
                        self.slice_bounds(sl)?;
                        self.at(s.range, |c| c.emit(op::STORE_SLICE, 0));
                    }
                    slice => {
                        self.expr(slice)?;
                        self.at(s.range, |c| c.emit(op::STORE_SUBSCR, 0));
                    }
                }
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, range, .. }) | Expr::List(ast::ExprList { elts, range, .. }) => {
                self.unpack(elts, *range)
            }
            Expr::Starred(s) => Err(self.syntax_error("starred assignment target must be in a list or tuple", s.range)),
            other => Err(self
                .syntax_error(format!("cannot assign to {}", super::syntax_errors::expr_name(other)), other.range())),
        }
    }

    /// `a, b = x, y` (two or three names each side, nothing starred) as CPython compiles
    /// it: push the values, reverse them with one SWAP, store left to right. No tuple is
    /// built. Returns None when the statement has another shape.
    fn swap_assign(&mut self, a: &'a ast::StmtAssign) -> Option<CResult<()>> {
        let [target] = a.targets.as_slice() else { return None };
        let targets = match target {
            Expr::Tuple(t) => &t.elts,
            Expr::List(l) => &l.elts,
            _ => return None,
        };
        let Expr::Tuple(values) = &*a.value else { return None };
        let n = targets.len();
        let plain = |elts: &[Expr]| elts.iter().all(|e| !e.is_starred_expr());
        if !(2..=3).contains(&n) || values.elts.len() != n || !plain(targets) || !plain(&values.elts) {
            return None;
        }
        Some((|| {
            for v in &values.elts {
                self.expr(v)?;
            }
            self.unit.loc = self.location(a.range);
            self.emit(op::SWAP, n as u32);
            for t in targets {
                self.store_target(t)?;
            }
            Ok(())
        })())
    }

    fn unpack(&mut self, elts: &'a [Expr], range: TextRange) -> CResult<()> {
        let starred: Vec<usize> =
            elts.iter().enumerate().filter(|(_, e)| e.is_starred_expr()).map(|(i, _)| i).collect();
        self.unit.loc = self.location(range);
        match starred.as_slice() {
            [] => self.emit(op::UNPACK_SEQUENCE, elts.len() as u32),
            [i] => {
                let before = *i as u32;
                let after = (elts.len() - i - 1) as u32;
                if before > 255 || after > (u32::MAX >> 8) {
                    return Err(self.syntax_error("too many expressions in star-unpacking assignment", range));
                }
                self.emit(op::UNPACK_EX, before | (after << 8));
            }
            [_, second, ..] => {
                return Err(self.syntax_error("multiple starred expressions in assignment", elts[*second].range()));
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                e => self.store_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                self.at(n.range, |c| c.name_op(&n.id, Ctx::Del));
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.at(a.range, |c| {
                    let i = c.add_name(&a.attr);
                    c.emit(op::DELETE_ATTR, i);
                });
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.at(s.range, |c| c.emit(op::DELETE_SUBSCR, 0));
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            other => {
                Err(self
                    .syntax_error(format!("cannot delete {}", super::syntax_errors::expr_name(other)), other.range()))
            }
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let oparg = binary_op_arg(a.op) + INPLACE;
        let range = a.range;
        match &*a.target {
            Expr::Name(n) => {
                self.at(n.range, |c| c.name_op(&n.id, Ctx::Load));
                self.expr(&a.value)?;
                self.at(range, |c| c.emit(op::BINARY_OP, oparg));
                self.at(n.range, |c| c.name_op(&n.id, Ctx::Store));
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                let i = self.add_name(&at.attr);
                self.at(at.range, |c| {
                    c.emit(op::COPY, 1);
                    c.emit(op::LOAD_ATTR, i << 1);
                });
                self.expr(&a.value)?;
                self.at(range, |c| c.emit(op::BINARY_OP, oparg));
                self.at(at.range, |c| {
                    c.emit(op::SWAP, 2);
                    c.emit(op::STORE_ATTR, i);
                });
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                match &*s.slice {
                    Expr::Slice(sl) if sl.step.is_none() => {
                        self.slice_bounds(sl)?;
                        self.at(s.range, |c| {
                            c.emit(op::COPY, 3);
                            c.emit(op::COPY, 3);
                            c.emit(op::COPY, 3);
                            c.emit(op::BINARY_SLICE, 0);
                        });
                        self.expr(&a.value)?;
                        self.at(range, |c| c.emit(op::BINARY_OP, oparg));
                        self.at(s.range, |c| {
                            c.emit(op::SWAP, 4);
                            c.emit(op::SWAP, 3);
                            c.emit(op::SWAP, 2);
                            c.emit(op::STORE_SLICE, 0);
                        });
                    }
                    slice => {
                        self.expr(slice)?;
                        self.at(s.range, |c| {
                            c.emit(op::COPY, 2);
                            c.emit(op::COPY, 2);
                            c.emit(op::BINARY_SUBSCR, 0);
                        });
                        self.expr(&a.value)?;
                        self.at(range, |c| c.emit(op::BINARY_OP, oparg));
                        self.at(s.range, |c| {
                            c.emit(op::SWAP, 3);
                            c.emit(op::SWAP, 2);
                            c.emit(op::STORE_SUBSCR, 0);
                        });
                    }
                }
            }
            other => {
                return Err(self.syntax_error(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        super::syntax_errors::expr_name(other)
                    ),
                    other.range(),
                ))
            }
        }
        Ok(())
    }

    /// Pushes a slice's start and stop (None when absent).
    pub(crate) fn slice_bounds(&mut self, sl: &'a ast::ExprSlice) -> CResult<()> {
        for bound in [&sl.lower, &sl.upper] {
            match bound {
                Some(b) => self.expr(b)?,
                None => self.load_const(Constant::None),
            }
        }
        Ok(())
    }
}
