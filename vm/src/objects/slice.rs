//! slice objects (start, stop, step), as built by BUILD_SLICE.

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct SliceData {
    pub start: StackRef,
    pub stop: StackRef,
    pub step: StackRef,
}

impl Payload for SliceData {
    const KIND: Kind = Kind::Slice;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.start);
        visit(self.stop);
        visit(self.step);
    }
}
