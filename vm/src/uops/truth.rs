//! TO_BOOL and its specializations.

use crate::objects::list::ListData;
use crate::objects::str::StrData;
use crate::runtime::types::{bool_value, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub fn to_bool(vm: &mut Vm, value: StackRef) -> PyResult<StackRef> {
    Ok(bool_value(crate::ops::truthy(vm, value)?))
}

#[inline(always)]
pub fn to_bool_bool(value: StackRef) -> bool {
    value == types().true_ || value == types().false_
}

#[inline(always)]
pub fn to_bool_int(value: StackRef) -> Option<StackRef> {
    if value.is_small_int() {
        Some(bool_value(value.small_int_value() != 0))
    } else {
        None
    }
}

#[inline(always)]
pub fn to_bool_none(value: StackRef) -> Option<StackRef> {
    if value == types().none {
        Some(types().false_)
    } else {
        None
    }
}

#[inline(always)]
pub fn to_bool_list(value: StackRef) -> Option<StackRef> {
    value.downcast::<ListData>().map(|l| bool_value(!l.items.borrow().is_empty()))
}

#[inline(always)]
pub fn to_bool_str(value: StackRef) -> Option<StackRef> {
    value.downcast::<StrData>().map(|s| bool_value(!s.value.is_empty()))
}
