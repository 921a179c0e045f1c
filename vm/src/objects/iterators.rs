//! Iterator objects over lists, tuples, strings and dicts, and the lazy builtins
//! enumerate, zip, reversed, map and filter; plus dict views.

use std::cell::Cell;

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

/// Iterates a list or a tuple by index.
pub struct SeqIterData {
    pub seq: StackRef,
    pub index: Cell<usize>,
}

pub struct ListIterData(pub SeqIterData);
pub struct TupleIterData(pub SeqIterData);

impl Payload for ListIterData {
    const KIND: Kind = Kind::ListIter;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.0.seq);
    }
}
impl Payload for TupleIterData {
    const KIND: Kind = Kind::TupleIter;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.0.seq);
    }
}

/// Iterates a str by character; `index` is a byte offset.
pub struct StrIterData {
    pub string: StackRef,
    pub index: Cell<usize>,
}

impl Payload for StrIterData {
    const KIND: Kind = Kind::StrIter;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.string);
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub struct DictIterData {
    pub dict: StackRef,
    pub pos: Cell<usize>,
    pub part: DictPart,
    /// The dict's size when iteration started (changing it is an error).
    pub len_at_start: usize,
}

impl Payload for DictIterData {
    const KIND: Kind = Kind::DictIter;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.dict);
    }
}

pub struct DictViewData {
    pub dict: StackRef,
    pub part: DictPart,
}

impl Payload for DictViewData {
    const KIND: Kind = Kind::DictView;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.dict);
    }
}

pub struct EnumerateData {
    pub iter: StackRef,
    pub count: Cell<i64>,
}

impl Payload for EnumerateData {
    const KIND: Kind = Kind::Enumerate;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.iter);
    }
}

pub struct ZipData {
    pub iters: Box<[StackRef]>,
}

impl Payload for ZipData {
    const KIND: Kind = Kind::Zip;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        for i in self.iters.iter() {
            visit(*i);
        }
    }
}

/// reversed() over a sequence with len and indexing.
pub struct ReversedData {
    pub seq: StackRef,
    /// Next index to yield plus one (0 = exhausted).
    pub remaining: Cell<usize>,
}

impl Payload for ReversedData {
    const KIND: Kind = Kind::Reversed;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.seq);
    }
}

pub struct MapData {
    pub func: StackRef,
    pub iters: Box<[StackRef]>,
}

impl Payload for MapData {
    const KIND: Kind = Kind::Map;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.func);
        for i in self.iters.iter() {
            visit(*i);
        }
    }
}

pub struct FilterData {
    pub func: StackRef,
    pub iter: StackRef,
}

impl Payload for FilterData {
    const KIND: Kind = Kind::Filter;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.func);
        visit(self.iter);
    }
}
