//! tuple: an immutable array of counted references.

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct TupleData {
    pub items: Box<[StackRef]>,
}

impl Payload for TupleData {
    const KIND: Kind = Kind::Tuple;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        for item in self.items.iter() {
            visit(*item);
        }
    }
    /// Tuples are immutable: one whose items are all untracked (atoms, or tuples of
    /// them) stays out of every cycle, as CPython untracks such tuples.
    fn needs_tracking(&self) -> bool {
        self.items.iter().any(|item| item.header().is_some_and(|h| h.has(crate::value::gc_bits::TRACKED)))
    }
}
