//! Python functions, builtin functions and bound methods.

use std::cell::Cell;

use crate::objects::kind::Kind;
use crate::runtime::Vm;
use crate::value::{Payload, StackRef};
use crate::PyResult;

pub struct FunctionData {
    /// The code object (immortal).
    pub code: StackRef,
    /// The module's globals dict (immortal).
    pub globals: StackRef,
    pub name: Cell<StackRef>,
    pub qualname: Cell<StackRef>,
    /// Tuple of positional defaults, or NULL.
    pub defaults: Cell<StackRef>,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: Cell<StackRef>,
    /// Changes whenever the code or defaults change; 0 means unversioned.
    pub version: Cell<u32>,
    /// The tuple of cells for the code's free variables (`__closure__`; counted), or
    /// NULL when the code has none. COPY_FREE_VARS copies it into the frame.
    pub closure: StackRef,
    /// `__annotations__`: NULL (none yet), the tuple MAKE_FUNCTION got (names and values
    /// alternating), or the dict made from it on first access (all counted).
    pub annotations: Cell<StackRef>,
}

impl FunctionData {
    /// The positional defaults (`__defaults__`), empty when there are none.
    pub fn default_values(&self) -> &[StackRef] {
        self.defaults.get().downcast::<crate::objects::tuple::TupleData>().map_or(&[], |t| &t.items[..])
    }
}

impl Payload for FunctionData {
    const KIND: Kind = Kind::Function;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.code);
        visit(self.globals);
        visit(self.name.get());
        visit(self.qualname.get());
        visit(self.defaults.get());
        visit(self.kwdefaults.get());
        visit(self.closure);
        visit(self.annotations.get());
    }
}

/// Arguments as builtins receive them: positional values, then keyword values named
/// by `kwnames` (a slice of str values, same length as the tail of `values`).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [StackRef],
    pub kwnames: &'a [StackRef],
}

impl<'a> Args<'a> {
    pub fn positional(values: &'a [StackRef]) -> Args<'a> {
        Args { values, kwnames: &[] }
    }
    pub fn pos(&self) -> &'a [StackRef] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }
    pub fn kw(&self) -> impl Iterator<Item = (StackRef, StackRef)> + 'a {
        let start = self.values.len() - self.kwnames.len();
        let values = self.values;
        self.kwnames.iter().enumerate().map(move |(i, name)| (*name, values[start + i]))
    }
}

pub type BuiltinFn = fn(&mut Vm, Args<'_>) -> PyResult<StackRef>;

pub struct BuiltinFunctionData {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// For methods of builtin types: the type they belong to (a method descriptor),
    /// whose instances are passed as the first argument.
    pub owner: StackRef,
    /// A bound receiver (e.g. a module or a specific object), or NULL.
    pub bound_self: StackRef,
}

impl Payload for BuiltinFunctionData {
    const KIND: Kind = Kind::BuiltinFunction;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}

pub struct BoundMethodData {
    pub func: StackRef,
    pub receiver: StackRef,
}

impl Payload for BoundMethodData {
    const KIND: Kind = Kind::BoundMethod;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.func);
        visit(self.receiver);
    }
}
