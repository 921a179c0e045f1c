//! Stack shuffling and constants.

use crate::runtime::Frame;
use crate::value::StackRef;

pub fn nop() {}

pub fn pop_top(value: StackRef) {
    let _ = value;
}

pub fn push_null() -> StackRef {
    StackRef::NULL
}

pub fn copy(bottom: StackRef) -> StackRef {
    bottom
}

pub fn swap() {}

pub fn load_const(frame: &mut Frame, oparg: u32) -> StackRef {
    frame.code.constants[oparg as usize]
}
