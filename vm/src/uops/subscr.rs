//! Subscripts and slices: BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR, BINARY_SLICE,
//! STORE_SLICE and the list, tuple and dict specializations.

use crate::heap;
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::tuple::TupleData;
use crate::runtime::errors::key_error;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub fn binary_subscr(vm: &mut Vm, container: StackRef, sub: StackRef) -> PyResult<StackRef> {
    crate::ops::getitem(vm, container, sub)
}

#[inline(always)]
pub fn guard_list_int(container: StackRef, sub: StackRef) -> bool {
    sub.is_small_int() && container.is_kind(Kind::List)
}

#[inline(always)]
pub fn guard_tuple_int(container: StackRef, sub: StackRef) -> bool {
    sub.is_small_int() && container.is_kind(Kind::Tuple)
}

#[inline(always)]
pub fn guard_dict(container: StackRef) -> bool {
    container.is_kind(Kind::Dict)
}

/// Resolves a possibly negative index; None when out of range.
#[inline(always)]
fn resolve(index: i64, len: usize) -> Option<usize> {
    let i = if index < 0 { index + len as i64 } else { index };
    if i >= 0 && (i as usize) < len {
        Some(i as usize)
    } else {
        None
    }
}

#[inline(always)]
pub fn binary_subscr_list_int(container: StackRef, sub: StackRef) -> Option<StackRef> {
    let list = container.downcast::<ListData>()?;
    let items = list.items.borrow();
    resolve(sub.small_int_value(), items.len()).map(|i| items[i])
}

#[inline(always)]
pub fn binary_subscr_tuple_int(container: StackRef, sub: StackRef) -> Option<StackRef> {
    let tuple = container.downcast::<TupleData>()?;
    resolve(sub.small_int_value(), tuple.items.len()).map(|i| tuple.items[i])
}

pub fn binary_subscr_dict(vm: &mut Vm, container: StackRef, sub: StackRef) -> PyResult<StackRef> {
    match crate::ops::dict_get(vm, container, sub)? {
        Some(v) => Ok(v),
        None => Err(key_error(sub)),
    }
}

pub fn store_subscr(vm: &mut Vm, value: StackRef, container: StackRef, sub: StackRef) -> PyResult<()> {
    crate::ops::setitem(vm, container, sub, value)
}

#[inline(always)]
pub fn store_subscr_list_int(value: StackRef, container: StackRef, sub: StackRef) -> Option<()> {
    let list = container.downcast::<ListData>()?;
    let old = {
        let mut items = list.items.borrow_mut();
        let i = resolve(sub.small_int_value(), items.len())?;
        heap::incref(value);
        std::mem::replace(&mut items[i], value)
    };
    heap::decref(old);
    Some(())
}

pub fn store_subscr_dict(vm: &mut Vm, value: StackRef, container: StackRef, sub: StackRef) -> PyResult<()> {
    crate::ops::dict_set(vm, container, sub, value)
}

pub fn delete_subscr(vm: &mut Vm, container: StackRef, sub: StackRef) -> PyResult<()> {
    crate::ops::delitem(vm, container, sub)
}

pub fn binary_slice(vm: &mut Vm, container: StackRef, start: StackRef, stop: StackRef) -> PyResult<StackRef> {
    crate::ops::get_slice(vm, container, start, stop)
}

pub fn store_slice(vm: &mut Vm, value: StackRef, container: StackRef, start: StackRef, stop: StackRef) -> PyResult<()> {
    crate::ops::set_slice(vm, container, start, stop, value)
}
