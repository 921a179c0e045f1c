//! COMPARE_OP and its specializations, IS_OP and CONTAINS_OP.

use crate::compiler::code::COMPARE_TO_BOOL;
use crate::objects::float::FloatData;
use crate::objects::str::StrData;
use crate::runtime::types::bool_value;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub fn compare_op(vm: &mut Vm, oparg: u32, left: StackRef, right: StackRef) -> PyResult<StackRef> {
    let result = crate::ops::compare(vm, oparg & 15, left, right)?;
    if oparg & COMPARE_TO_BOOL != 0 && !result.is_kind(crate::objects::kind::Kind::Bool) {
        let keep = crate::heap::Handle::new(result);
        return Ok(bool_value(crate::ops::truthy(vm, keep.get())?));
    }
    Ok(result)
}

#[inline(always)]
fn apply<T: PartialOrd>(oparg: u32, a: T, b: T) -> bool {
    match oparg & 15 {
        0 => a < b,
        1 => a <= b,
        2 => a == b,
        3 => a != b,
        4 => a > b,
        _ => a >= b,
    }
}

#[inline(always)]
pub fn compare_op_int(oparg: u32, left: StackRef, right: StackRef) -> StackRef {
    bool_value(apply(oparg, left.small_int_value(), right.small_int_value()))
}

#[inline(always)]
pub fn compare_op_float(oparg: u32, left: StackRef, right: StackRef) -> StackRef {
    let value = |v: StackRef| v.downcast::<FloatData>().expect("checked by _GUARD_BOTH_FLOAT").value;
    let (a, b) = (value(left), value(right));
    bool_value(apply(oparg, a, b))
}

pub fn compare_op_str(oparg: u32, left: StackRef, right: StackRef) -> StackRef {
    let a = &left.downcast::<StrData>().expect("guarded").value;
    let b = &right.downcast::<StrData>().expect("guarded").value;
    bool_value(apply(oparg, a.as_ref(), b.as_ref()))
}

pub fn is_op(oparg: u32, left: StackRef, right: StackRef) -> StackRef {
    bool_value((left == right) != (oparg == 1))
}

pub fn contains_op(vm: &mut Vm, oparg: u32, left: StackRef, right: StackRef) -> PyResult<StackRef> {
    let found = crate::ops::contains(vm, right, left)?;
    Ok(bool_value(found != (oparg == 1)))
}

/// Whether `container` is an exact builtin `kind` (a subclass may define `__contains__`).
#[inline(always)]
fn is_exact_builtin(container: StackRef, kind: crate::objects::kind::Kind) -> bool {
    container.is_kind(kind) && crate::ops::is_builtin_type(crate::runtime::types::type_of(container))
}

#[inline(always)]
pub fn guard_container_set(right: StackRef) -> bool {
    is_exact_builtin(right, crate::objects::kind::Kind::Set)
}

#[inline(always)]
pub fn guard_container_dict(right: StackRef) -> bool {
    is_exact_builtin(right, crate::objects::kind::Kind::Dict)
}

pub fn contains_op_set(vm: &mut Vm, oparg: u32, left: StackRef, right: StackRef) -> PyResult<StackRef> {
    let found = crate::ops::sets::set_contains(vm, right, left)?;
    Ok(bool_value(found != (oparg == 1)))
}

pub fn contains_op_dict(vm: &mut Vm, oparg: u32, left: StackRef, right: StackRef) -> PyResult<StackRef> {
    let found = crate::ops::dict_get(vm, right, left)?.is_some();
    Ok(bool_value(found != (oparg == 1)))
}
