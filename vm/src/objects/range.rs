//! range and its iterator (bounds limited to the tagged int range).

use std::cell::Cell;

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct RangeData {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeData {
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Payload for RangeData {
    const KIND: Kind = Kind::Range;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}

pub struct RangeIterData {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<i64>,
}

impl Payload for RangeIterData {
    const KIND: Kind = Kind::RangeIter;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
