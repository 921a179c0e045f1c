//! Cell objects: the boxes closures share a variable through (CPython's `cell`). A
//! function's cell variables and free variables hold cells in their frame slots
//! (MAKE_CELL, COPY_FREE_VARS); LOAD_DEREF and STORE_DEREF read and write the contents.
//! The contents are a counted reference, or NULL while the variable is unbound.

use std::cell::Cell;

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

#[repr(C)]
pub struct CellData {
    /// The variable's value (counted), or NULL when it is unbound.
    pub contents: Cell<StackRef>,
}

impl Payload for CellData {
    const KIND: Kind = Kind::Cell;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.contents.get());
    }
}
