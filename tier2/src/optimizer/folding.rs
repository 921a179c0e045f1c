//! Constant folding: a pure int operation (`_BINARY_OP_ADD/SUBTRACT/MULTIPLY_INT`,
//! `_COMPARE_OP_INT`) whose two inputs are constant small ints pushed by uops it can
//! delete becomes one `_LOAD_CONST_INLINE` of the result; and a promoted module
//! attribute's `_POP_TOP_LOAD_CONST_INLINE` whose owner was pushed by a deletable inline
//! constant becomes a `_LOAD_CONST_INLINE`.
//!
//! A producer can be deleted when it pushed only that value (`LOAD_CONST`, or
//! `_LOAD_CONST_INLINE` without a NULL) and every uop between it and the consumer is a
//! `_SET_IP` or already deleted: then nothing else saw the value, and no exit or error in
//! between would need it on the stack for tier 1. The result is computed by the uop's own
//! body from vm/src/uops, so it has the same semantics; an int operation that would
//! leave the small-int range (and deopt at run time) is left alone. Small ints are
//! tagged and the bools immortal, so the results need no handle.

use sidewinder_vm::opcodes::Uop;
use sidewinder_vm::uops::{binary_op, compare};
use sidewinder_vm::StackRef;

use super::analysis::{Analysis, Halt};
use super::symbols::{fact_of_value, SymId};

pub const PASS: &str = "constant folding";

/// Tries to fold the int operation at `index`. Returns the next index (the effect
/// applied) when it did.
pub fn try_fold(a: &mut Analysis, index: usize) -> Result<Option<usize>, Halt> {
    let u = a.uop(index);
    let right = a.state.peek(0)?;
    let left = a.state.peek(1)?;
    let (Some((l, pl)), Some((r, pr))) = (small_int_constant(a, left), small_int_constant(a, right)) else {
        return Ok(None);
    };
    if pl >= pr || !a.only_inert_between(pl, index, &[pr]) {
        return Ok(None);
    }
    let result = match u.uop {
        Uop::_BINARY_OP_ADD_INT => binary_op::binary_op_add_int(l, r),
        Uop::_BINARY_OP_SUBTRACT_INT => binary_op::binary_op_subtract_int(l, r),
        Uop::_BINARY_OP_MULTIPLY_INT => binary_op::binary_op_multiply_int(l, r),
        Uop::_COMPARE_OP_INT => Some(compare::compare_op_int(u.oparg, l, r)),
        _ => None,
    };
    let Some(result) = result else { return Ok(None) };
    a.remove(pl, PASS);
    a.remove(pr, PASS);
    a.replace(index, Uop::_LOAD_CONST_INLINE, 0, result.bits() as u64, PASS);
    a.state.pop_n(2)?;
    let id = a.state.fresh(fact_of_value(result));
    a.state.sym_mut(id).producer = Some(index);
    a.state.push(id);
    Ok(Some(index + 1))
}

/// The value and producer of a constant small int whose producer is still in place.
fn small_int_constant(a: &Analysis, id: SymId) -> Option<(StackRef, usize)> {
    let sym = a.state.sym(id);
    let value = sym.constant().filter(|v| v.is_small_int())?;
    let producer = sym.producer?;
    let p = a.uop(producer);
    let intact = match p.uop {
        Uop::LOAD_CONST => true,
        Uop::_LOAD_CONST_INLINE => p.oparg & 1 == 0 && p.operand == value.bits() as u64,
        _ => false,
    };
    intact.then_some((value, producer))
}

/// `_POP_TOP_LOAD_CONST_INLINE` at `index` pops `owner`: when the owner was pushed by a
/// deletable `_LOAD_CONST_INLINE`, deletes it and makes this a plain
/// `_LOAD_CONST_INLINE`. Returns whether it did.
pub fn merge_pop_top(a: &mut Analysis, index: usize, owner: SymId) -> bool {
    let Some(producer) = a.state.sym(owner).producer else { return false };
    let p = a.uop(producer);
    if p.uop != Uop::_LOAD_CONST_INLINE || p.oparg & 1 != 0 || !a.only_inert_between(producer, index, &[]) {
        return false;
    }
    let u = a.uop(index);
    a.remove(producer, PASS);
    a.replace(index, Uop::_LOAD_CONST_INLINE, u.oparg, u.operand, PASS);
    true
}
