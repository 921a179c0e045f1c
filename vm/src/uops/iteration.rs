//! GET_ITER, FOR_ITER and the range, list and tuple specializations.

use crate::objects::iterators::{ListIterData, TupleIterData};
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::range::RangeIterData;
use crate::objects::tuple::TupleData;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub fn get_iter(vm: &mut Vm, iterable: StackRef) -> PyResult<StackRef> {
    crate::ops::iter(vm, iterable)
}

pub fn for_iter(vm: &mut Vm, iter: StackRef) -> PyResult<Option<StackRef>> {
    crate::ops::next(vm, iter)
}

#[inline(always)]
pub fn iter_check_range(iter: StackRef) -> bool {
    iter.is_kind(Kind::RangeIter)
}

#[inline(always)]
pub fn iter_check_list(iter: StackRef) -> bool {
    iter.is_kind(Kind::ListIter)
}

#[inline(always)]
pub fn iter_check_tuple(iter: StackRef) -> bool {
    iter.is_kind(Kind::TupleIter)
}

/// SEND_ITER: the next item of a list, tuple or range iterator sent None; None (a
/// deopt) when it is exhausted or the operands are anything else.
#[inline(always)]
pub fn send_sequence_iterator(receiver: StackRef, v: StackRef) -> Option<StackRef> {
    if v != crate::runtime::types::none() {
        return None;
    }
    match receiver.kind() {
        Kind::ListIter => for_iter_list(receiver),
        Kind::TupleIter => for_iter_tuple(receiver),
        Kind::RangeIter => for_iter_range(receiver),
        _ => None,
    }
}

#[inline(always)]
pub fn for_iter_range(iter: StackRef) -> Option<StackRef> {
    let it = iter.downcast::<RangeIterData>().expect("checked by _ITER_CHECK_RANGE");
    let remaining = it.remaining.get();
    if remaining <= 0 {
        return None;
    }
    let value = it.next.get();
    it.remaining.set(remaining - 1);
    it.next.set(value.wrapping_add(it.step));
    Some(new::int(value))
}

#[inline(always)]
pub fn for_iter_list(iter: StackRef) -> Option<StackRef> {
    let it = iter.downcast::<ListIterData>().expect("checked by _ITER_CHECK_LIST");
    let list = it.0.seq.downcast::<ListData>()?;
    let items = list.items.borrow();
    let index = it.0.index.get();
    let value = items.get(index).copied();
    if value.is_some() {
        it.0.index.set(index + 1);
    } else {
        it.0.index.set(usize::MAX / 2);
    }
    value
}

#[inline(always)]
pub fn for_iter_tuple(iter: StackRef) -> Option<StackRef> {
    let it = iter.downcast::<TupleIterData>().expect("checked by _ITER_CHECK_TUPLE");
    let tuple = it.0.seq.downcast::<TupleData>()?;
    let index = it.0.index.get();
    let value = tuple.items.get(index).copied();
    it.0.index.set(index + 1);
    value
}
