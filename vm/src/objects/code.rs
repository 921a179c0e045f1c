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
    pub varnames: Box<[StackRef]>,
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
    pub fn local_count(&self) -> usize {
        self.varnames.len()
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
