//! bytes and bytearray: an immutable boxed byte slice and a growable byte vector, and
//! the iterator over either (the operations live in `ops/bytes.rs`).

use std::cell::{Cell, RefCell};

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct BytesData {
    pub value: Box<[u8]>,
}

impl Payload for BytesData {
    const KIND: Kind = Kind::Bytes;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}

pub struct ByteArrayData {
    pub value: RefCell<Vec<u8>>,
}

impl Payload for ByteArrayData {
    const KIND: Kind = Kind::ByteArray;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}

/// `iter(b)` for a bytes or bytearray `seq`: yields ints.
pub struct BytesIterData {
    pub seq: StackRef,
    pub index: Cell<usize>,
}

impl Payload for BytesIterData {
    const KIND: Kind = Kind::BytesIter;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.seq);
    }
}
