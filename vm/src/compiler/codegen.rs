//! The code generator's core: per-code-object state (units), instruction emission,
//! constant/name/local tables, name resolution, and building nested code objects
//! (functions, lambdas, class bodies) with their closures. Statements, expressions and
//! control flow are compiled by the sibling modules, all as methods of [`Compiler`].
//!
//! Cell and free variables: a unit registers its cell variables (the symbol table's,
//! then the hidden ones of inlined comprehensions) and free variables as `derefs`; the
//! deref instructions (MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, DELETE_DEREF,
//! LOAD_CLASSDEREF) carry an index into them until `finish` knows every local and turns
//! it into the frame slot (CPython 3.11's localsplus: locals, cell-only variables, free
//! variables; a parameter that is a cell keeps its own slot). Function code starts with
//! COPY_FREE_VARS and a MAKE_CELL per cell variable, before RESUME.

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
use super::mangle::mangle;
use super::symtable::{ScopeId, SymScope, SymbolTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Function,
    Lambda,
    Class,
}

/// A cell or free variable of the current code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct DerefVar {
    /// The variable's name (a hidden comprehension variable's is `<listcomp>.x`).
    pub name: String,
    /// A cell variable of this code (else a free variable, from the closure).
    pub is_cell: bool,
}

/// How a name is accessed from the current code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// A fast local (the varname, which may be a hidden comprehension variable).
    Fast(String),
    /// A cell or free variable (LOAD_DEREF, STORE_DEREF, DELETE_DEREF).
    Deref(DerefVar),
    /// A free variable read in a class body: the namespace first (LOAD_CLASSDEREF).
    ClassDeref(DerefVar),
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
    /// Active inlined comprehensions, innermost last.
    pub comp_frames: Vec<CompFrame>,
    /// Cell and free variables; deref instructions hold indices into this list.
    derefs: Vec<DerefVar>,
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
            derefs: Vec::new(),
            loc: Location { line: first_line, end_line: first_line, col: 0, end_col: 0 },
        }
    }
}

/// An inlined comprehension being compiled: its scope, and its variables' hidden names.
pub(crate) struct CompFrame {
    pub scope: ScopeId,
    /// Source name -> hidden local (or hidden cell, when the scope makes it a cell).
    pub hidden: HashMap<String, String>,
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
        c.declare_derefs();
        c.emit_prefix();
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

    /// A pseudo instruction (see `ir::pseudo`).
    pub(crate) fn push_pseudo(&mut self, opcode: u16, arg: u32) {
        self.push_instr(opcode, arg, None);
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

    /// A handler whose depth leaves out the `above` items on top when it is set up.
    pub(crate) fn setup_handler_below(&mut self, label: Label, lasti: bool, above: u32) -> u32 {
        let h = self.unit.stream.new_handler(label, lasti);
        self.unit.stream.handlers[h as usize].above = above;
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

    /// The index of a cell or free variable among the unit's derefs.
    pub(crate) fn deref_index(&mut self, var: &DerefVar) -> u32 {
        if let Some(i) = self.unit.derefs.iter().position(|d| d == var) {
            return i as u32;
        }
        self.unit.derefs.push(var.clone());
        self.unit.derefs.len() as u32 - 1
    }

    fn cell(name: &str) -> DerefVar {
        DerefVar { name: name.to_string(), is_cell: true }
    }

    fn free(name: &str) -> DerefVar {
        DerefVar { name: name.to_string(), is_cell: false }
    }

    pub(crate) fn resolve(&self, name: &str) -> Access {
        let mut from_comprehension = false;
        for frame in self.unit.comp_frames.iter().rev() {
            match self.table.scope(frame.scope).scope_of(name) {
                Some(SymScope::Local) => {
                    if let Some(hidden) = frame.hidden.get(name) {
                        return Access::Fast(hidden.clone());
                    }
                }
                Some(SymScope::Cell) => {
                    if let Some(hidden) = frame.hidden.get(name) {
                        return Access::Deref(Self::cell(hidden));
                    }
                }
                Some(SymScope::GlobalExplicit | SymScope::GlobalImplicit) | None => return Access::Global,
                Some(SymScope::Free) => {}
            }
            from_comprehension = true;
        }
        let scope = self.table.scope(self.unit.scope);
        let sym = scope.scope_of(name);
        match self.unit.kind {
            UnitKind::Module => Access::Global,
            UnitKind::Class if from_comprehension => {
                // A comprehension's free name in a class body comes from an enclosing
                // function (the class's own names are not visible to it).
                if self.unit.derefs.contains(&Self::free(name)) {
                    Access::Deref(Self::free(name))
                } else if self.unit.derefs.contains(&Self::cell(name)) {
                    Access::Deref(Self::cell(name))
                } else {
                    Access::Global
                }
            }
            UnitKind::Class => match sym {
                Some(SymScope::Free) => Access::ClassDeref(Self::free(name)),
                Some(SymScope::GlobalExplicit) => Access::Global,
                _ => Access::Name,
            },
            UnitKind::Function | UnitKind::Lambda => match sym {
                Some(SymScope::Local) => Access::Fast(name.to_string()),
                Some(SymScope::Cell) => Access::Deref(Self::cell(name)),
                Some(SymScope::Free) => Access::Deref(Self::free(name)),
                _ => Access::Global,
            },
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
            Access::Deref(var) | Access::ClassDeref(var) if ctx != Ctx::Load => {
                let i = self.deref_index(&var);
                self.emit(if ctx == Ctx::Store { op::STORE_DEREF } else { op::DELETE_DEREF }, i);
            }
            Access::Deref(var) => {
                let i = self.deref_index(&var);
                self.emit(op::LOAD_DEREF, i);
            }
            Access::ClassDeref(var) => {
                let i = self.deref_index(&var);
                self.emit(op::LOAD_CLASSDEREF, i);
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

    /// The variable holding the cell a nested code's free variable `name` is bound to:
    /// a hidden cell of an active comprehension, else a cell or free variable of this
    /// code (CPython's `get_ref_type`: a cell first).
    fn closure_var(&self, name: &str) -> DerefVar {
        for frame in self.unit.comp_frames.iter().rev() {
            if self.table.scope(frame.scope).scope_of(name) == Some(SymScope::Cell) {
                if let Some(hidden) = frame.hidden.get(name) {
                    return Self::cell(hidden);
                }
            }
        }
        if self.unit.derefs.contains(&Self::cell(name)) {
            Self::cell(name)
        } else {
            Self::free(name)
        }
    }

    /// Pushes the closure tuple for nested code with these free variables; answers the
    /// MAKE_FUNCTION flag (0x08) when there is one.
    fn closure(&mut self, freevars: &[String]) -> u32 {
        if freevars.is_empty() {
            return 0;
        }
        for name in freevars {
            let var = self.closure_var(name);
            let i = self.deref_index(&var);
            self.emit(op::LOAD_CLOSURE, i);
        }
        self.emit(op::BUILD_TUPLE, freevars.len() as u32);
        0x08
    }

    /// Registers the unit's own cell and free variables (in CPython's sorted order).
    fn declare_derefs(&mut self) {
        let scope = self.table.scope(self.unit.scope);
        let (cells, frees) = (scope.cellvars(), scope.freevars());
        for name in &cells {
            self.deref_index(&Self::cell(name));
        }
        for name in &frees {
            self.deref_index(&Self::free(name));
        }
    }

    /// COPY_FREE_VARS and the MAKE_CELLs of the unit's own cell variables, which start
    /// its code (before RESUME).
    fn emit_prefix(&mut self) {
        let frees = self.unit.derefs.iter().filter(|d| !d.is_cell).count() as u32;
        if frees > 0 {
            self.emit(op::COPY_FREE_VARS, frees);
        }
        let cells: Vec<u32> =
            self.unit.derefs.iter().enumerate().filter(|(_, d)| d.is_cell).map(|(i, _)| i as u32).collect();
        for i in cells {
            self.emit(op::MAKE_CELL, i);
        }
    }

    /// Turns the deref instructions' indices into frame slots, now that every local is
    /// known; answers the cell and free variable names.
    fn assign_deref_slots(&mut self) -> (Vec<String>, Vec<String>) {
        let u = &mut self.unit;
        let cellvars: Vec<String> = u.derefs.iter().filter(|d| d.is_cell).map(|d| d.name.clone()).collect();
        let freevars: Vec<String> = u.derefs.iter().filter(|d| !d.is_cell).map(|d| d.name.clone()).collect();
        let nlocals = u.varnames.len() as u32;
        let mut next_cell_slot = nlocals;
        let mut cell_slots = HashMap::new();
        for name in &cellvars {
            let slot = match u.var_index.get(name) {
                Some(&slot) => slot,
                None => {
                    next_cell_slot += 1;
                    next_cell_slot - 1
                }
            };
            cell_slots.insert(name.clone(), slot);
        }
        let slots: Vec<u32> = u
            .derefs
            .iter()
            .map(|d| {
                if d.is_cell {
                    cell_slots[&d.name]
                } else {
                    next_cell_slot + freevars.iter().position(|f| *f == d.name).expect("registered") as u32
                }
            })
            .collect();
        for ins in &mut u.stream.instrs {
            let is_deref = ins.op == pseudo::STORE_FAST_CELL_SLOT
                || (ins.op < 0x100
                    && matches!(
                        ins.op as u8,
                        op::MAKE_CELL
                            | op::LOAD_CLOSURE
                            | op::LOAD_DEREF
                            | op::STORE_DEREF
                            | op::DELETE_DEREF
                            | op::LOAD_CLASSDEREF
                    ));
            if is_deref {
                ins.arg = slots[ins.arg as usize];
                if ins.op == pseudo::STORE_FAST_CELL_SLOT {
                    ins.op = op::STORE_FAST as u16;
                }
            }
        }
        (cellvars, freevars)
    }

    // ------------------------------------------------------------------ code units

    /// The qualified name of a function or class named `name` defined in the current code.
    /// The name a `def` or `class` statement named `name` binds in the current unit:
    /// mangled inside a class (see `mangle`).
    fn stored_name(&self, name: &str) -> String {
        let private = std::iter::once(&self.unit).chain(self.outer.iter().rev()).find(|u| u.kind == UnitKind::Class);
        mangle(private.map(|u| u.name.as_str()), name).unwrap_or_else(|| name.to_string())
    }

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
        self.declare_derefs();
    }

    /// Assembles the current unit and returns to the enclosing one.
    fn pop_unit(&mut self) -> CompiledCode {
        let code = self.finish();
        self.unit = self.outer.pop().expect("no enclosing unit");
        code
    }

    fn finish(&mut self) -> CompiledCode {
        let (cellvars, freevars) = self.assign_deref_slots();
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
            cellvars,
            freevars,
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
        if has_annotations(body) {
            self.emit(op::SETUP_ANNOTATIONS, 0);
        }
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

    /// Pushes a def's annotations as CPython 3.11 does, a tuple of parameter names and
    /// annotation values alternating (in CPython's order: the positional-or-keyword
    /// parameters, then the positional-only ones, *args, keyword-only, **kwargs and
    /// 'return'), evaluated after the defaults; returns MAKE_FUNCTION's flag for it.
    fn annotations(&mut self, params: &'a Parameters, returns: Option<&'a Expr>) -> CResult<u32> {
        let parameters = params
            .args
            .iter()
            .chain(&params.posonlyargs)
            .map(|p| &p.parameter)
            .chain(params.vararg.as_deref())
            .chain(params.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(params.kwarg.as_deref());
        let mut count = 0;
        for p in parameters {
            if let Some(annotation) = &p.annotation {
                self.load_const(Constant::Str(p.name.to_string()));
                self.expr(annotation)?;
                count += 2;
            }
        }
        if let Some(annotation) = returns {
            self.load_const(Constant::Str("return".to_string()));
            self.expr(annotation)?;
            count += 2;
        }
        if count == 0 {
            return Ok(0);
        }
        self.emit(op::BUILD_TUPLE, count);
        Ok(4)
    }

    /// Sets up the parameters of the new function unit.
    fn parameters(&mut self, params: Option<&'a Parameters>) -> CResult<()> {
        let Some(params) = params else { return Ok(()) };
        let u = &mut self.unit;
        u.posonly_arg_count = params.posonlyargs.len() as u32;
        u.arg_count = (params.posonlyargs.len() + params.args.len()) as u32;
        u.kwonly_arg_count = params.kwonlyargs.len() as u32;
        let positional: Vec<String> =
            params.posonlyargs.iter().chain(&params.args).map(|p| p.parameter.name.to_string()).collect();
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
        if let Some(kwarg) = &params.kwarg {
            self.unit.flags |= code_flags::VARKEYWORDS;
            self.add_var(&kwarg.name);
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
        let flags = self.defaults(&f.parameters)? | self.annotations(&f.parameters, f.returns.as_deref())?;
        let first_line = self.lines.line_col(f.range.start().to_usize()).0;
        self.push_unit(UnitKind::Function, scope, &f.name, first_line);
        self.unit.flags = code_flags::FUNCTION | self.generator_flags(scope, f.is_async);
        self.unit.loc = self.location(f.range);
        self.parameters(Some(&f.parameters))?;
        self.declare_locals();
        self.emit_prefix();
        self.function_prologue();
        self.stmts(&f.body)?;
        self.implicit_return();
        let code = self.pop_unit();
        let closure = self.closure(&code.freevars);
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(op::MAKE_FUNCTION, flags | closure);
        self.apply_decorators(&f.decorator_list);
        self.name_op(&self.stored_name(&f.name), Ctx::Store);
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
        self.push_unit(UnitKind::Lambda, scope, "<lambda>", first_line);
        self.unit.flags = code_flags::FUNCTION | self.generator_flags(scope, false);
        self.unit.loc = self.location(l.range);
        self.parameters(l.parameters.as_deref())?;
        self.declare_locals();
        self.emit_prefix();
        self.function_prologue();
        self.expr(&l.body)?;
        self.at(l.body.range(), |c| c.emit(op::RETURN_VALUE, 0));
        let code = self.pop_unit();
        let closure = self.closure(&code.freevars);
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(op::MAKE_FUNCTION, flags | closure);
        Ok(())
    }

    /// A generator expression: a generator function of one argument, `.0`, the
    /// iterator over the outermost iterable, which is evaluated here, in the enclosing
    /// scope, as CPython does; the rest runs lazily inside. With an `async for` or an
    /// `await` it is an async generator function, and `.0` an async iterator.
    pub(crate) fn generator_expression(&mut self, g: &'a ruff_python_ast::ExprGenerator) -> CResult<()> {
        let scope = self.table.scope_at(g.range);
        let is_async = self.table.scope(scope).async_genexpr;
        let first_line = self.lines.line_col(g.range.start().to_usize()).0;
        self.push_unit(UnitKind::Function, scope, "<genexpr>", first_line);
        self.unit.flags =
            code_flags::FUNCTION | if is_async { code_flags::ASYNC_GENERATOR } else { code_flags::GENERATOR };
        self.unit.loc = self.location(g.range);
        self.unit.arg_count = 1;
        let argument = self.add_var(".0");
        self.declare_locals();
        self.emit_prefix();
        self.function_prologue();
        self.emit(op::LOAD_FAST, argument);
        let element = super::comprehension::Element::Yield(&g.elt);
        self.comprehension_generator(g.range, &g.generators, 0, &element)?;
        self.implicit_return();
        let code = self.pop_unit();
        let closure = self.closure(&code.freevars);
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(op::MAKE_FUNCTION, closure);
        self.emit(op::PUSH_NULL, 0);
        self.iterable(&g.generators[0].iter)?;
        self.emit(if g.generators[0].is_async { op::GET_AITER } else { op::GET_ITER }, 0);
        self.emit(op::CALL, 1);
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
        self.emit_prefix();
        self.emit(op::RESUME, 0);
        self.body_with_docstring(&cls.body)?;
        if self.table.scope(scope).needs_class_closure {
            // The body returns its `__class__` cell, also stored as `__classcell__` for
            // the class creation to fill (as CPython's compiler_class does).
            let i = self.deref_index(&Self::cell("__class__"));
            self.emit(op::LOAD_CLOSURE, i);
            self.emit(op::COPY, 1);
            let name = self.add_name("__classcell__");
            self.emit(op::STORE_NAME, name);
            self.emit(op::RETURN_VALUE, 0);
        } else {
            self.implicit_return();
        }
        let code = self.pop_unit();
        let closure = self.closure(&code.freevars);
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(op::MAKE_FUNCTION, closure);
        self.load_const(Constant::Str(cls.name.to_string()));
        for b in bases {
            self.expr(b)?;
        }
        self.emit(op::CALL, 2 + bases.len() as u32);
        self.apply_decorators(&cls.decorator_list);
        self.name_op(&self.stored_name(&cls.name), Ctx::Store);
        Ok(())
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

/// Whether a module or class body annotates anything, in any nested block but not in
/// nested functions or classes (CPython's `find_ann`): such a body starts with
/// SETUP_ANNOTATIONS.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            t.handlers.iter().any(|h| match h {
                ruff_python_ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
            }) || has_annotations(&t.body)
                || has_annotations(&t.finalbody)
                || has_annotations(&t.orelse)
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}
