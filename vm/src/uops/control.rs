//! Jumps that are ordinary uops (JUMP_BACKWARD, RESUME and the other control uops are
//! special: see tier1/special_uops.rs).

use crate::runtime::types::types;
use crate::value::StackRef;

pub fn jump_forward() {}

pub fn jump_backward_no_interrupt() {}

#[inline(always)]
pub fn pop_jump_if_false(cond: StackRef) -> bool {
    cond == types().false_
}

#[inline(always)]
pub fn pop_jump_if_true(cond: StackRef) -> bool {
    cond == types().true_
}

#[inline(always)]
pub fn pop_jump_if_none(value: StackRef) -> bool {
    value == types().none
}

#[inline(always)]
pub fn pop_jump_if_not_none(value: StackRef) -> bool {
    value != types().none
}
