//! Truth value (`bool(v)`: `__bool__`, then `__len__`) and `len(v)`.

use crate::objects::dict::DictData;
use crate::objects::iterators::DictViewData;
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::range::RangeData;
use crate::objects::singletons::BoolData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops::conversion::{as_ssize, complex_value, float_value};
use crate::ops::slots::{call_method, find_special, Special};
use crate::runtime::errors::{type_error, value_error, ExcType};
use crate::runtime::types::{type_data, type_name_of, type_of};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// `bool(v)`.
pub fn truthy(vm: &mut Vm, v: StackRef) -> PyResult<bool> {
    if v.is_small_int() {
        return Ok(v.small_int_value() != 0);
    }
    // The singletons most truth tests see (filter's predicates, `and`/`or` operands).
    let builtin = crate::runtime::types::types();
    if v == builtin.true_ {
        return Ok(true);
    }
    if v == builtin.false_ || v == builtin.none {
        return Ok(false);
    }
    let ty = type_of(v);
    if !type_data(ty).is_heap_type {
        return Ok(native_truthy(v));
    }
    match find_special(ty, "__bool__") {
        Special::User(method) => {
            let r = call_method(vm, method, v, &[])?;
            match r.downcast::<BoolData>() {
                Some(b) => Ok(b.value),
                None => Err(type_error(format!("__bool__ should return bool, returned {}", type_name_of(r)))),
            }
        }
        Special::Builtin(_) => match find_special(ty, "__len__") {
            Special::User(method) => {
                let r = call_method(vm, method, v, &[])?;
                Ok(len_result(vm, r)? > 0)
            }
            Special::Builtin(_) => Ok(native_truthy(v)),
        },
    }
}

/// The truth of builtin values, by kind (objects without a length are true).
fn native_truthy(v: StackRef) -> bool {
    match v.kind() {
        Kind::SmallInt => v.small_int_value() != 0,
        Kind::Bool => v.downcast::<BoolData>().map(|b| b.value).unwrap_or(false),
        Kind::None => false,
        Kind::Float => float_value(v).map(|f| f != 0.0).unwrap_or(true),
        Kind::Complex => complex_value(v).map(|(re, im)| re != 0.0 || im != 0.0).unwrap_or(true),
        _ => native_len(v).map(|n| n > 0).unwrap_or(true),
    }
}

/// The length of builtin containers, by kind (`None` for objects without one).
pub(crate) fn native_len(v: StackRef) -> Option<usize> {
    match v.kind() {
        Kind::Str => v.downcast::<StrData>().map(|s| s.char_len),
        Kind::Bytes | Kind::ByteArray => crate::ops::bytes::with_bytes(v, <[u8]>::len),
        Kind::Tuple => v.downcast::<TupleData>().map(|t| t.items.len()),
        Kind::List => v.downcast::<ListData>().map(|l| l.items.borrow().len()),
        Kind::Dict => v.downcast::<DictData>().map(|d| d.len()),
        Kind::Set => crate::ops::sets::as_set(v).map(|s| s.len()),
        Kind::Range => v.downcast::<RangeData>().map(|r| r.len().max(0) as usize),
        Kind::DictView => v.downcast::<DictViewData>().and_then(|d| d.dict.downcast::<DictData>()).map(|d| d.len()),
        _ => None,
    }
}

/// Checks what a `__len__` method returned (CPython's `slot_sq_length`).
fn len_result(vm: &mut Vm, r: StackRef) -> PyResult<usize> {
    match as_ssize(vm, r, Some(ExcType::OverflowError))? {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(value_error("__len__() should return >= 0")),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name_of(r)))),
    }
}

/// `len(v)`.
pub fn len(vm: &mut Vm, v: StackRef) -> PyResult<usize> {
    let ty = type_of(v);
    if type_data(ty).is_heap_type {
        if let Special::User(method) = find_special(ty, "__len__") {
            let r = call_method(vm, method, v, &[])?;
            return len_result(vm, r);
        }
    }
    native_len(v).ok_or_else(|| type_error(format!("object of type '{}' has no len()", type_name_of(v))))
}
