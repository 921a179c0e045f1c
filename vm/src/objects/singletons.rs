//! The immortal singletons None, True, False, NotImplemented and Ellipsis.

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct NoneData;
pub struct BoolData {
    pub value: bool,
}
pub struct NotImplementedData;
pub struct EllipsisData;

impl Payload for NoneData {
    const KIND: Kind = Kind::None;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
impl Payload for BoolData {
    const KIND: Kind = Kind::Bool;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
impl Payload for NotImplementedData {
    const KIND: Kind = Kind::NotImplemented;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
impl Payload for EllipsisData {
    const KIND: Kind = Kind::Ellipsis;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
