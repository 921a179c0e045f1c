//! Unary operators.

use crate::runtime::types::{bool_value, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub fn unary_negative(vm: &mut Vm, value: StackRef) -> PyResult<StackRef> {
    crate::ops::unary_negative(vm, value)
}

pub fn unary_positive(vm: &mut Vm, value: StackRef) -> PyResult<StackRef> {
    crate::ops::unary_positive(vm, value)
}

pub fn unary_invert(vm: &mut Vm, value: StackRef) -> PyResult<StackRef> {
    crate::ops::unary_invert(vm, value)
}

pub fn unary_not(value: StackRef) -> StackRef {
    bool_value(value == types().false_)
}
