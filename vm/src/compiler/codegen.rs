//! The code generator's core: per-code-object state (units), instruction emission,
//! constant/name/local tables, name resolution, and building nested code objects
//! (functions, lambdas, class bodies). Statements, expressions and control flow are
//! compiled by the sibling modules, all as methods of [`Compiler`].

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{Expr, Parameters, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::opcodes::op;

use super::assemble::assemble;
use super::code::{code_flags, CompiledCode, Constant, Location};
use super::constants::{const_key, ConstKey};
use super::error::{CResult, CompileError};
use super::flow::FBlock;
use super::ir::{pseudo, Instr, Label, Stream};
use super::lines::LineIndex;
use super::symtable::{ScopeId, ScopeKind, SymbolTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Function,
    Lambda,
    Class,
}

/// How a name is accessed from the current code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// A fast local (the varname, which may be a hidden comprehension variable).
    Fast(String),
    /// Module globals, then builtins.
    Global,
    /// The class namespace, then globals, then builtins.
    Name,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    pub kind: UnitKind,
    pub scope: ScopeId,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub flags: u32,
    pub stream: Stream,
    consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    /// Enclosing loops, try blocks and handlers, innermost last.
    pub fblocks: Vec<FBlock<'a>>,
    /// Active exception handlers, innermost last.
    pub handler_stack: Vec<u32>,
    /// Active inlined comprehensions: source name -> hidden local.
    pub comp_frames: Vec<HashMap<String, String>>,
    /// For a method (function directly in a class body): its first positional
    /// parameter, used by zero-argument super().
    pub method_self: Option<Option<String>>,
    /// The location given to emitted instructions.
    pub loc: Location,
}

impl Unit<'_> {
    fn new(kind: UnitKind, scope: ScopeId, name: &str, qualname: String, first_line: u32) -> Self {
        Unit {
            kind,
            scope,
            name: name.to_string(),
            qualname,
            first_line,
            arg_count: 0,
            posonly_arg_count: 0,
            kwonly_arg_count: 0,
            flags: 0,
            stream: Stream::default(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
            fblocks: Vec::new(),
            handler_stack: Vec::new(),
            comp_frames: Vec::new(),
            method_self: None,
            loc: Location { line: first_line, end_line: first_line, col: 0, end_col: 0 },
        }
    }
}

pub(crate) struct Compiler<'a> {
    pub lines: &'a LineIndex<'a>,
    pub table: &'a SymbolTable,
    pub filename: &'a str,
    /// The code object being compiled.
    pub unit: Unit<'a>,
    /// Enclosing code objects.
    outer: Vec<Unit<'a>>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_module(
        body: &'a [Stmt],
        lines: &'a LineIndex<'a>,
        table: &'a SymbolTable,
        filename: &'a str,
    ) -> CResult<CompiledCode> {
        let unit = Unit::new(UnitKind::Module, 0, "<module>", "<module>".to_string(), 1);
        let mut c = Compiler { lines, table, filename, unit, outer: Vec::new() };
        c.emit(op::RESUME, 0);
        c.body_with_docstring(body)?;
        c.implicit_return();
        Ok(c.finish())
    }

    // ------------------------------------------------------------------ errors

    pub(crate) fn unsupported(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::unsupported(msg, range, self.lines)
    }

    pub(crate) fn syntax_error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::syntax(msg, range, self.lines)
    }

    // ------------------------------------------------------------------ emission

    pub(crate) fn location(&self, range: TextRange) -> Location {
        self.lines.location(range)
    }

    /// Runs `f` with instructions located at `range`.
    pub(crate) fn at<T>(&mut self, range: TextRange, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = self.unit.loc;
        self.unit.loc = self.location(range);
        let r = f(self);
        self.unit.loc = saved;
        r
    }

    fn push_instr(&mut self, op: u16, arg: u32, target: Option<Label>) {
        let instr = Instr { op, arg, target, loc: self.unit.loc, handler: self.unit.handler_stack.last().copied() };
        self.unit.stream.instrs.push(instr);
    }

    pub(crate) fn emit(&mut self, opcode: u8, arg: u32) {
        self.push_instr(opcode as u16, arg, None);
    }

    /// A conditional jump or FOR_ITER (forward only).
    pub(crate) fn emit_jump(&mut self, opcode: u8, target: Label) {
        self.push_instr(opcode as u16, 0, Some(target));
    }

    /// An unconditional jump, forward or backward.
    pub(crate) fn jump(&mut self, target: Label) {
        self.push_instr(pseudo::JUMP, 0, Some(target));
    }

    /// A pseudo jump of another kind (`pseudo::JUMP_NO_INTERRUPT`).
    pub(crate) fn push_jump(&mut self, pseudo_op: u16, target: Label) {
        self.push_instr(pseudo_op, 0, Some(target));
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.unit.stream.new_label()
    }

    pub(crate) fn bind(&mut self, label: Label) {
        self.unit.stream.bind(label);
    }

    /// Activates an exception handler at `label` for the instructions that follow.
    pub(crate) fn setup_handler(&mut self, label: Label, lasti: bool) -> u32 {
        let h = self.unit.stream.new_handler(label, lasti);
        self.push_instr(pseudo::SETUP, h, None);
        self.unit.handler_stack.push(h);
        h
    }

    pub(crate) fn pop_handler(&mut self) -> u32 {
        self.unit.handler_stack.pop().expect("handler stack underflow")
    }

    // ------------------------------------------------------------------ tables

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let position = self.unit.consts.len();
        let key = const_key(&c, position);
        if let Some(&i) = self.unit.const_index.get(&key) {
            return i;
        }
        self.unit.consts.push(c);
        self.unit.const_index.insert(key, position as u32);
        position as u32
    }

    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(op::LOAD_CONST, i);
    }

    pub(crate) fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit.name_index.get(name) {
            return i;
        }
        let i = self.unit.names.len() as u32;
        self.unit.names.push(name.to_string());
        self.unit.name_index.insert(name.to_string(), i);
        i
    }

    pub(crate) fn add_var(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit.var_index.get(name) {
            return i;
        }
        let i = self.unit.varnames.len() as u32;
        self.unit.varnames.push(name.to_string());
        self.unit.var_index.insert(name.to_string(), i);
        i
    }

    // ------------------------------------------------------------------ names

    pub(crate) fn resolve(&self, name: &str) -> Access {
        for frame in self.unit.comp_frames.iter().rev() {
            if let Some(hidden) = frame.get(name) {
                return Access::Fast(hidden.clone());
            }
        }
        let scope = self.table.scope(self.unit.scope);
        match self.unit.kind {
            UnitKind::Module => Access::Global,
            UnitKind::Class => {
                if !self.unit.comp_frames.is_empty() || scope.globals.contains(name) {
                    Access::Global
                } else {
                    Access::Name
                }
            }
            UnitKind::Function | UnitKind::Lambda => {
                if scope.is_local(name) {
                    Access::Fast(name.to_string())
                } else {
                    Access::Global
                }
            }
        }
    }

    pub(crate) fn name_op(&mut self, name: &str, ctx: Ctx) {
        match self.resolve(name) {
            Access::Fast(var) => {
                let i = self.add_var(&var);
                let opcode = match ctx {
                    Ctx::Load => op::LOAD_FAST,
                    Ctx::Store => op::STORE_FAST,
                    Ctx::Del => op::DELETE_FAST,
                };
                self.emit(opcode, i);
            }
            Access::Global => {
                let i = self.add_name(name);
                match ctx {
                    Ctx::Load => self.emit(op::LOAD_GLOBAL, i << 1),
                    Ctx::Store => self.emit(op::STORE_GLOBAL, i),
                    Ctx::Del => self.emit(op::DELETE_GLOBAL, i),
                }
            }
            Access::Name => {
                let i = self.add_name(name);
                let opcode = match ctx {
                    Ctx::Load => op::LOAD_NAME,
                    Ctx::Store => op::STORE_NAME,
                    Ctx::Del => op::DELETE_NAME,
                };
                self.emit(opcode, i);
            }
        }
    }

    // ------------------------------------------------------------------ code units

    /// The qualified name of a function or class named `name` defined in the current code.
    fn child_qualname(&self, name: &str) -> String {
        match self.unit.kind {
            UnitKind::Module => name.to_string(),
            UnitKind::Class => format!("{}.{name}", self.unit.qualname),
            UnitKind::Function | UnitKind::Lambda => {
                if self.table.scope(self.unit.scope).globals.contains(name) {
                    name.to_string()
                } else {
                    format!("{}.<locals>.{name}", self.unit.qualname)
                }
            }
        }
    }

    fn push_unit(&mut self, kind: UnitKind, scope: ScopeId, name: &str, first_line: u32) {
        let qualname = self.child_qualname(name);
        let unit = Unit::new(kind, scope, name, qualname, first_line);
        let outer = std::mem::replace(&mut self.unit, unit);
        self.outer.push(outer);
    }

    /// Assembles the current unit and returns to the enclosing one.
    fn pop_unit(&mut self) -> CompiledCode {
        let code = self.finish();
        self.unit = self.outer.pop().expect("no enclosing unit");
        code
    }

    fn finish(&mut self) -> CompiledCode {
        let stream = std::mem::take(&mut self.unit.stream);
        let asm = assemble(stream);
        let u = &mut self.unit;
        CompiledCode {
            name: u.name.clone(),
            qualname: u.qualname.clone(),
            filename: self.filename.to_string(),
            first_line: u.first_line,
            arg_count: u.arg_count,
            posonly_arg_count: u.posonly_arg_count,
            kwonly_arg_count: u.kwonly_arg_count,
            flags: u.flags,
            units: asm.units,
            constants: std::mem::take(&mut u.consts),
            names: std::mem::take(&mut u.names),
            varnames: std::mem::take(&mut u.varnames),
            locations: asm.locations,
            exception_table: asm.exception_table,
            stack_size: asm.stack_size,
        }
    }

    /// `return None` at the end of a body (dropped by the assembler if unreachable).
    pub(crate) fn implicit_return(&mut self) {
        self.load_const(Constant::None);
        self.emit(op::RETURN_VALUE, 0);
    }

    /// A module or class body: a leading docstring is stored as `__doc__`.
    fn body_with_docstring(&mut self, body: &'a [Stmt]) -> CResult<()> {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                self.at(e.range, |c| {
                    c.load_const(Constant::Str(s.value.to_str().to_string()));
                    c.name_op("__doc__", Ctx::Store);
                });
                return self.stmts(&body[1..]);
            }
        }
        self.stmts(body)
    }

    /// Pushes the defaults of `params` (a tuple, then a dict of keyword-only ones) and
    /// returns the MAKE_FUNCTION flags.
    fn defaults(&mut self, params: &'a Parameters) -> CResult<u32> {
        let mut flags = 0;
        let positional: Vec<&Expr> =
            params.posonlyargs.iter().chain(&params.args).filter_map(|p| p.default.as_deref()).collect();
        if !positional.is_empty() {
            self.tuple_of(&positional)?;
            flags |= 1;
        }
        let mut kw = 0;
        for p in &params.kwonlyargs {
            if let Some(d) = &p.default {
                self.load_const(Constant::Str(p.parameter.name.to_string()));
                self.expr(d)?;
                kw += 1;
            }
        }
        if kw > 0 {
            self.emit(op::BUILD_MAP, kw);
            flags |= 2;
        }
        Ok(flags)
    }

    /// Sets up the parameters of the new function unit.
    fn parameters(&mut self, params: Option<&'a Parameters>) -> CResult<()> {
        let Some(params) = params else { return Ok(()) };
        if let Some(kwarg) = &params.kwarg {
            return Err(self.unsupported(format!("'**{}' parameters are not supported yet", kwarg.name), kwarg.range));
        }
        let u = &mut self.unit;
        u.posonly_arg_count = params.posonlyargs.len() as u32;
        u.arg_count = (params.posonlyargs.len() + params.args.len()) as u32;
        u.kwonly_arg_count = params.kwonlyargs.len() as u32;
        let positional: Vec<String> =
            params.posonlyargs.iter().chain(&params.args).map(|p| p.parameter.name.to_string()).collect();
        if u.method_self.is_some() {
            u.method_self = Some(positional.first().cloned());
        }
        for name in &positional {
            self.add_var(name);
        }
        for p in &params.kwonlyargs {
            self.add_var(&p.parameter.name);
        }
        if let Some(v) = &params.vararg {
            self.unit.flags |= code_flags::VARARGS;
            self.add_var(&v.name);
        }
        Ok(())
    }

    /// Declares the scope's other locals, after the parameters.
    fn declare_locals(&mut self) {
        let scope = self.table.scope(self.unit.scope);
        for name in scope.locals() {
            self.add_var(name);
        }
    }

    /// The code flags a function scope adds: a generator, coroutine or async
    /// generator function makes one of those when called.
    fn generator_flags(&self, scope: ScopeId, is_async: bool) -> u32 {
        match (is_async, self.table.scope(scope).yield_at.is_some()) {
            (false, false) => 0,
            (false, true) => code_flags::GENERATOR,
            (true, false) => code_flags::COROUTINE,
            (true, true) => code_flags::ASYNC_GENERATOR,
        }
    }

    /// The start of a function body: a generator function first makes its generator
    /// (RETURN_GENERATOR), and the value of its first resumption is dropped.
    fn function_prologue(&mut self) {
        if self.unit.flags & (code_flags::GENERATOR | code_flags::COROUTINE | code_flags::ASYNC_GENERATOR) != 0 {
            self.emit(op::RETURN_GENERATOR, 0);
            self.emit(op::POP_TOP, 0);
        }
        self.emit(op::RESUME, 0);
    }

    pub(crate) fn function_def(&mut self, f: &'a ruff_python_ast::StmtFunctionDef) -> CResult<()> {
        if let Some(tp) = &f.type_params {
            return Err(self.unsupported("type parameters are not supported yet", tp.range));
        }
        let scope = self.table.scope_at(f.range);
        self.decorators(&f.decorator_list)?;
        let flags = self.defaults(&f.parameters)?;
        let first_line = self.lines.line_col(f.range.start().to_usize()).0;
        let in_class = self.table.scope(scope).parent.is_some_and(|p| self.table.scope(p).kind == ScopeKind::Class);
        self.push_unit(UnitKind::Function, scope, &f.name, first_line);
        self.unit.flags = code_flags::FUNCTION | self.generator_flags(scope, f.is_async);
        if in_class {
            self.unit.method_self = Some(None);
        }
        self.unit.loc = self.location(f.range);
        self.parameters(Some(&f.parameters))?;
        self.declare_locals();
        self.function_prologue();
        self.stmts(&f.body)?;
        self.implicit_return();
        let code = self.pop_unit();
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(op::MAKE_FUNCTION, flags);
        self.apply_decorators(&f.decorator_list);
        self.name_op(&f.name, Ctx::Store);
        Ok(())
    }

    /// Pushes each decorator as a callable (outermost first).
    fn decorators(&mut self, decorators: &'a [ruff_python_ast::Decorator]) -> CResult<()> {
        for d in decorators {
            self.at(d.range, |c| c.callee(&d.expression, false))?;
        }
        Ok(())
    }

    /// Calls the decorators pushed by [`Self::decorators`] on the value on top,
    /// innermost first.
    fn apply_decorators(&mut self, decorators: &'a [ruff_python_ast::Decorator]) {
        for d in decorators.iter().rev() {
            self.at(d.range, |c| c.emit(op::CALL, 1));
        }
    }

    pub(crate) fn lambda(&mut self, l: &'a ruff_python_ast::ExprLambda) -> CResult<()> {
        let scope = self.table.scope_at(l.range);
        let flags = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let first_line = self.lines.line_col(l.range.start().to_usize()).0;
        let in_class = self.table.scope(scope).parent.is_some_and(|p| self.table.scope(p).kind == ScopeKind::Class);
        self.push_unit(UnitKind::Lambda, scope, "<lambda>", first_line);
        self.unit.flags = code_flags::FUNCTION | self.generator_flags(scope, false);
        if in_class {
            self.unit.method_self = Some(None);
        }
        self.unit.loc = self.location(l.range);
        self.parameters(l.parameters.as_deref())?;
        self.declare_locals();
        self.function_prologue();
        self.expr(&l.body)?;
        self.at(l.body.range(), |c| c.emit(op::RETURN_VALUE, 0));
        let code = self.pop_unit();
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(op::MAKE_FUNCTION, flags);
        Ok(())
    }

    pub(crate) fn class_def(&mut self, cls: &'a ruff_python_ast::StmtClassDef) -> CResult<()> {
        if let Some(tp) = &cls.type_params {
            return Err(self.unsupported("type parameters are not supported yet", tp.range));
        }
        let bases: &[Expr] = match &cls.arguments {
            Some(args) => {
                if let Some(k) = args.keywords.first() {
                    return Err(
                        self.unsupported("class keyword arguments (like metaclass=) are not supported yet", k.range)
                    );
                }
                if let Some(s) = args.args.iter().find(|a| a.is_starred_expr()) {
                    return Err(self.unsupported("starred base classes are not supported yet", s.range()));
                }
                &args.args
            }
            None => &[],
        };
        let scope = self.table.scope_at(cls.range);
        self.decorators(&cls.decorator_list)?;
        self.emit(op::LOAD_BUILD_CLASS, 0);
        self.emit(op::PUSH_NULL, 0);
        let first_line = self.lines.line_col(cls.range.start().to_usize()).0;
        self.push_unit(UnitKind::Class, scope, &cls.name, first_line);
        self.unit.flags = code_flags::CLASS_BODY;
        self.unit.loc = self.location(cls.range);
        self.emit(op::RESUME, 0);
        self.body_with_docstring(&cls.body)?;
        self.implicit_return();
        let code = self.pop_unit();
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(op::MAKE_FUNCTION, 0);
        self.load_const(Constant::Str(cls.name.to_string()));
        for b in bases {
            self.expr(b)?;
        }
        self.emit(op::CALL, 2 + bases.len() as u32);
        self.apply_decorators(&cls.decorator_list);
        self.name_op(&cls.name, Ctx::Store);
        Ok(())
    }

    /// Whether the current code is nested (through functions) in a class body, so
    /// that CPython would give it a `__class__` closure cell.
    pub(crate) fn nested_in_class(&self) -> bool {
        let mut id = self.table.scope(self.unit.scope).parent;
        while let Some(s) = id {
            let scope = self.table.scope(s);
            if scope.kind == ScopeKind::Class {
                return true;
            }
            id = scope.parent;
        }
        false
    }

    /// Creates a hidden local for a comprehension variable, unique among the
    /// active comprehensions of this code.
    pub(crate) fn hidden_local(&self, kind: &str, name: &str, taken: &HashSet<String>) -> String {
        let base = format!("<{kind}>.{name}");
        if !taken.contains(&base) {
            return base;
        }
        (2..).map(|k| format!("{base}.{k}")).find(|n| !taken.contains(n)).unwrap()
    }
}
