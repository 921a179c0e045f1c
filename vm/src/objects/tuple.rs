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
}
