//! Code objects as the VM runs them: bytecode (mutable, for specialization), constants
//! as values, names as interned strings, and the tables tracebacks and unwinding use.
//! Code objects are immortal, as are their constants.

use std::cell::{Cell, RefCell};

use crate::compiler::code::{ExceptionTableEntry, Location};
use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct CodeData {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub flags: u32,
    /// Code units; specialization rewrites opcodes and caches in place.
    pub units: Box<[Cell<u16>]>,
    pub constants: Box<[StackRef]>,
    /// Interned name strings.
    pub names: Box<[StackRef]>,
    /// The locals' names (`co_varnames`): the first `varnames.len()` frame slots.
    pub varnames: Box<[StackRef]>,
    /// Cell variable names (`co_cellvars`), interned.
    pub cellvars: Box<[StackRef]>,
    /// Free variable names (`co_freevars`), interned: the last `freevars.len()` slots.
    pub freevars: Box<[StackRef]>,
    /// The name of every frame slot (locals, cell-only variables, free variables).
    pub localsplus_names: Box<[StackRef]>,
    pub locations: Box<[Location]>,
    pub exception_table: Box<[ExceptionTableEntry]>,
    pub stack_size: u32,
    /// A version unique to this code object (function versions derive from it).
    pub version: u32,
    /// Executor slots, indexed by the low byte of ENTER_EXECUTOR's oparg (at most 256).
    /// A slot is None once its executor was uninstalled, and is reused.
    pub executors: RefCell<Vec<Option<std::rc::Rc<dyn crate::tier1::hooks::Executor>>>>,
}

impl CodeData {
    /// The frame's slot count: locals, cell-only variables and free variables.
    pub fn local_count(&self) -> usize {
        self.localsplus_names.len()
    }
    /// The first slot of the free variables (where COPY_FREE_VARS copies the closure).
    pub fn first_free_slot(&self) -> usize {
        self.localsplus_names.len() - self.freevars.len()
    }
    /// Whether frame slot `slot` holds a cell created by MAKE_CELL (a cell variable,
    /// which may be a parameter), as opposed to a plain local or a free variable.
    pub fn is_cell_slot(&self, slot: usize) -> bool {
        slot < self.first_free_slot()
            && self.localsplus_names.get(slot).is_some_and(|name| self.cellvars.contains(name))
    }
    /// Total positional parameters, keyword-only ones and the *args/**kwargs slots.
    pub fn total_args(&self) -> usize {
        let mut n = (self.arg_count + self.kwonly_arg_count) as usize;
        if self.flags & crate::compiler::code::code_flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & crate::compiler::code::code_flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
    pub fn line_at(&self, unit: usize) -> u32 {
        self.locations.get(unit).map(|l| l.line).unwrap_or(self.first_line)
    }
}

impl Payload for CodeData {
    const KIND: Kind = Kind::Code;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
