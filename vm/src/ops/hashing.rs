//! `hash()`: CPython 3.11's hashes for numbers (equal ints, floats and bools hash alike),
//! strs, tuples and ranges, identity hashes for objects without value equality, user
//! `__hash__` methods, and the unhashable types (list, dict, slice, keys/items views, and
//! classes that define `__eq__` without `__hash__` or set `__hash__ = None`).

use crate::format;
use crate::objects::dict::DictData;
use crate::objects::function::{BoundMethodData, BuiltinFunctionData};
use crate::objects::int::BigIntData;
use crate::objects::iterators::{DictPart, DictViewData};
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::range::RangeData;
use crate::objects::singletons::BoolData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops::conversion::{complex_value, float_value, int_ref, IntRef};
use crate::ops::slots::{call_method, DepthGuard};
use crate::runtime::errors::{type_error, PyErr};
use crate::runtime::types::{dict_get_str, none, type_data, type_name_of, type_of};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// `hash(v)`.
pub fn hash(vm: &mut Vm, v: StackRef) -> PyResult<i64> {
    if v.is_small_int() {
        return Ok(i64_hash(v.small_int_value()));
    }
    let ty = type_of(v);
    if type_data(ty).is_heap_type {
        if let Some(h) = user_hash(vm, v, ty)? {
            return Ok(h);
        }
    }
    native_hash(vm, v)
}

/// The hash an int value has in CPython (value modulo 2**61 - 1, keeping the sign).
pub(crate) fn i64_hash(x: i64) -> i64 {
    let residue = (x.unsigned_abs() % format::HASH_MODULUS) as i64;
    let h = if x < 0 { -residue } else { residue };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashPointer`: the address rotated right by 4 bits.
pub(crate) fn identity_hash(v: StackRef) -> i64 {
    let h = v.bits().rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// hash(None). CPython 3.11 hashes None by its address, whose low 16 bits (which
/// decide its slot in any table of up to 65536 slots, and so where it prints in a
/// set) the layout of the python3.11 binary fixes; this is one value it gives, so
/// that sets holding None iterate in CPython's order.
pub(crate) const NONE_HASH: i64 = 8_793_259_269_054;

/// The hash of a key that `mapping::is_simple_key` accepts (exact ints, bools, floats,
/// strs, None and tuples of them), computed without a VM: for building constants.
pub(crate) fn simple_key_hash(v: StackRef) -> i64 {
    if v.is_small_int() {
        return i64_hash(v.small_int_value());
    }
    match v.kind() {
        Kind::None => NONE_HASH,
        Kind::Bool => v.downcast::<BoolData>().map(|b| b.value as i64).unwrap_or(0),
        Kind::BigInt => format::int_hash(&v.downcast::<BigIntData>().expect("int").value),
        Kind::Float => {
            let f = float_value(v).unwrap_or(0.0);
            if f.is_nan() {
                identity_hash(v)
            } else {
                format::float_hash(f)
            }
        }
        Kind::Str => new::str_hash(v.downcast::<StrData>().expect("str")),
        Kind::Tuple => {
            let t = v.downcast::<TupleData>().expect("tuple");
            let hashes: Vec<i64> = t.items.iter().map(|i| simple_key_hash(*i)).collect();
            format::tuple_hash(&hashes)
        }
        _ => identity_hash(v),
    }
}

fn unhashable(v: StackRef) -> PyErr {
    type_error(format!("unhashable type: '{}'", type_name_of(v)))
}

/// The user classes in the MRO decide first: `__hash__` (None means unhashable), or
/// `__eq__` without `__hash__` (unhashable, as CPython's class creation sets
/// `__hash__ = None`). `Ok(None)` when a builtin type is reached first.
fn user_hash(vm: &mut Vm, v: StackRef, ty: StackRef) -> PyResult<Option<i64>> {
    let hash_name = new::intern("__hash__");
    let eq_name = new::intern("__eq__");
    let mro = type_data(ty).mro.borrow().clone();
    for t in mro {
        // (A clone: the `__hash__` call below runs Python code.)
        let td = type_data(t);
        if !td.is_heap_type {
            return Ok(None);
        }
        let Some(dict) = td.dict.downcast::<DictData>() else { continue };
        if let Some(method) = dict_get_str(dict, hash_name) {
            if method == none() {
                return Err(unhashable(v));
            }
            let result = call_method(vm, method, v, &[])?;
            return hash_result(result).map(Some);
        }
        if dict_get_str(dict, eq_name).is_some() {
            return Err(unhashable(v));
        }
    }
    Ok(None)
}

/// The value a `__hash__` method returned, as CPython's `slot_tp_hash` uses it.
fn hash_result(result: StackRef) -> PyResult<i64> {
    let h = match int_ref(result) {
        Some(IntRef::Small(x)) => x,
        Some(IntRef::Big(b)) => match num_traits::ToPrimitive::to_i64(b) {
            Some(x) => x,
            None => format::int_hash(b),
        },
        None => return Err(type_error("__hash__ method should return an integer")),
    };
    Ok(if h == -1 { -2 } else { h })
}

/// The builtin hashes, by kind.
fn native_hash(vm: &mut Vm, v: StackRef) -> PyResult<i64> {
    match v.kind() {
        Kind::SmallInt => Ok(i64_hash(v.small_int_value())),
        Kind::None => Ok(NONE_HASH),
        Kind::Bool => Ok(v.downcast::<BoolData>().map(|b| b.value as i64).unwrap_or(0)),
        Kind::BigInt => Ok(format::int_hash(&v.downcast::<BigIntData>().expect("int").value)),
        Kind::Float => {
            let f = float_value(v).unwrap_or(0.0);
            Ok(if f.is_nan() { identity_hash(v) } else { format::float_hash(f) })
        }
        Kind::Complex => {
            let (real, imag) = complex_value(v).unwrap_or((0.0, 0.0));
            let part = |f: f64| if f.is_nan() { identity_hash(v) } else { format::float_hash(f) };
            Ok(format::complex_hash(part(real), part(imag)))
        }
        Kind::Str => Ok(new::str_hash(v.downcast::<StrData>().expect("str"))),
        Kind::Tuple => {
            let t = v.downcast::<TupleData>().expect("tuple");
            let _depth = DepthGuard::enter_deep(" while calling a Python object")?;
            let mut hashes = Vec::with_capacity(t.items.len());
            for item in t.items.iter() {
                hashes.push(hash(vm, *item)?);
            }
            Ok(format::tuple_hash(&hashes))
        }
        Kind::Range => {
            let r = v.downcast::<RangeData>().expect("range");
            let n = r.len();
            let none_hash = NONE_HASH;
            let items = match n {
                0 => [i64_hash(0), none_hash, none_hash],
                1 => [i64_hash(1), i64_hash(r.start), none_hash],
                _ => [i64_hash(n), i64_hash(r.start), i64_hash(r.step)],
            };
            Ok(format::tuple_hash(&items))
        }
        Kind::Bytes => Ok(crate::ops::bytes::with_bytes(v, new::bytes_hash).unwrap_or(0)),
        Kind::List | Kind::Dict | Kind::Slice | Kind::ByteArray => Err(unhashable(v)),
        Kind::Set => crate::ops::sets::set_hash(v),
        Kind::BoundMethod => {
            // As CPython's meth_hash: the receiver's identity and the function's hash.
            let m = v.downcast::<BoundMethodData>().expect("method");
            let receiver = identity_hash(m.receiver);
            let h = receiver ^ hash(vm, m.func)?;
            Ok(if h == -1 { -2 } else { h })
        }
        Kind::BuiltinFunction => {
            let f = v.downcast::<BuiltinFunctionData>().expect("builtin");
            // Consistent with equality (same function, owner and bound receiver).
            let h = identity_hash(f.bound_self) ^ (f.func as usize as i64).rotate_right(4) ^ identity_hash(f.owner);
            Ok(if h == -1 { -2 } else { h })
        }
        Kind::DictView => match v.downcast::<DictViewData>().map(|d| d.part) {
            Some(DictPart::Values) => Ok(identity_hash(v)),
            _ => Err(unhashable(v)),
        },
        _ => Ok(identity_hash(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_int_hashes_match_cpython() {
        assert_eq!(i64_hash(0), 0);
        assert_eq!(i64_hash(-1), -2);
        assert_eq!(i64_hash(-2), -2);
        assert_eq!(i64_hash(12345), 12345);
        assert_eq!(i64_hash((1 << 61) - 1), 0);
        assert_eq!(i64_hash(1 << 61), 1);
        assert_eq!(i64_hash(-(1 << 61)), -2);
        assert_eq!(i64_hash(-(1 << 62)), -2);
    }
}
