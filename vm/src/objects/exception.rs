//! Exception instances: args, attributes (like instances), the traceback gathered while
//! unwinding, and the cause/context chain.

use std::cell::{Cell, RefCell};

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

/// One traceback line: a code object and the code unit that was running.
#[derive(Clone, Copy, Debug)]
pub struct TracebackEntry {
    pub code: StackRef,
    pub unit: usize,
}

pub struct ExceptionData {
    /// A tuple.
    pub args: Cell<StackRef>,
    /// Attributes by the class's shared-key slot (as for instances).
    pub values: RefCell<Vec<StackRef>>,
    /// Innermost frame last.
    pub traceback: RefCell<Vec<TracebackEntry>>,
    pub cause: Cell<StackRef>,
    pub context: Cell<StackRef>,
    pub suppress_context: Cell<bool>,
}

impl Payload for ExceptionData {
    const KIND: Kind = Kind::Exception;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.args.get());
        for v in self.values.borrow().iter() {
            visit(*v);
        }
        visit(self.cause.get());
        visit(self.context.get());
    }
}
