//! float: a heap box around an f64, served from the heap's free list.

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct FloatData {
    pub value: f64,
}

impl Payload for FloatData {
    const KIND: Kind = Kind::Float;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
