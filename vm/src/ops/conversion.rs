//! Conversions between Python numbers and Rust numbers: the int value of ints and bools,
//! `__index__` (PyNumber_Index, PyNumber_AsSsize_t) and `__float__`
//! (PyFloat_AsDouble).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::format;
use crate::objects::float::FloatData;
use crate::objects::int::BigIntData;
use crate::objects::kind::Kind;
use crate::objects::singletons::BoolData;
use crate::ops::slots::{call_user, user_method};
use crate::runtime::errors::{overflow_error, type_error, ExcType, PyErr};
use crate::runtime::types::type_name_of;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// A borrowed Python int value (from a tagged int, a bool or a big int).
#[derive(Clone, Copy, Debug)]
pub(crate) enum IntRef {
    Small(i64),
    Big(&'static BigInt),
}

impl IntRef {
    pub(crate) fn to_bigint(self) -> BigInt {
        match self {
            IntRef::Small(v) => BigInt::from(v),
            IntRef::Big(b) => b.clone(),
        }
    }
    pub(crate) fn as_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(b) => b.to_i64(),
        }
    }
    pub(crate) fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub(crate) fn is_zero(self) -> bool {
        match self {
            IntRef::Small(v) => v == 0,
            IntRef::Big(b) => b.bits() == 0,
        }
    }
    /// `float(n)`, correctly rounded; OverflowError when too large.
    pub(crate) fn to_f64(self) -> PyResult<f64> {
        match self {
            IntRef::Small(v) => Ok(v as f64),
            IntRef::Big(b) => format::int_to_float(b).map_err(overflow_error),
        }
    }
}

/// The int value of an int or a bool (not of other objects, even with `__index__`).
#[inline]
pub(crate) fn int_ref(v: StackRef) -> Option<IntRef> {
    if v.is_small_int() {
        return Some(IntRef::Small(v.small_int_value()));
    }
    match v.kind() {
        Kind::Bool => v.downcast::<BoolData>().map(|b| IntRef::Small(b.value as i64)),
        Kind::BigInt => v.downcast::<BigIntData>().map(|b| IntRef::Big(&b.value)),
        _ => None,
    }
}

/// The value of an int or bool as a BigInt.
pub fn to_bigint(v: StackRef) -> Option<BigInt> {
    int_ref(v).map(IntRef::to_bigint)
}

/// The value of an int or bool when it fits an i64.
pub fn int_value(v: StackRef) -> Option<i64> {
    int_ref(v).and_then(IntRef::as_i64)
}

/// The value of a float object.
#[inline]
pub(crate) fn float_value(v: StackRef) -> Option<f64> {
    v.downcast::<FloatData>().map(|f| f.value)
}

/// The (real, imag) parts of a complex (or complex subclass) value.
pub(crate) fn complex_value(v: StackRef) -> Option<(f64, f64)> {
    v.downcast::<crate::objects::complex::ComplexData>().map(|c| (c.real, c.imag))
}

/// PyNumber_Index: the int value of `v` through `__index__` (ints and bools directly).
/// `Ok(None)` when `v` has no `__index__` at all, so callers can raise their own
/// TypeError. The result of a user `__index__` is kept alive by the returned value only
/// until the next safepoint (callers use it at once).
pub(crate) fn index_value(vm: &mut Vm, v: StackRef) -> PyResult<Option<IntRef>> {
    if let Some(i) = int_ref(v) {
        return Ok(Some(i));
    }
    match call_user(vm, v, "__index__", &[])? {
        None => Ok(None),
        Some(result) => match int_ref(result) {
            Some(i) => Ok(Some(i)),
            None => Err(type_error(format!("__index__ returned non-int (type {})", type_name_of(result)))),
        },
    }
}

/// Whether `v` can be used as an index (an int, a bool or an object with `__index__`).
pub(crate) fn has_index(v: StackRef) -> bool {
    int_ref(v).is_some() || user_method(v, "__index__").is_some()
}

/// PyNumber_AsSsize_t: `Ok(None)` when `v` has no `__index__`; out-of-range values
/// raise `overflow` ("cannot fit 'int' into an index-sized integer"), or are clamped to
/// i64::MIN/MAX when `overflow` is None.
pub(crate) fn as_ssize(vm: &mut Vm, v: StackRef, overflow: Option<ExcType>) -> PyResult<Option<i64>> {
    let Some(i) = index_value(vm, v)? else { return Ok(None) };
    match i.as_i64() {
        Some(n) => Ok(Some(n)),
        None => match overflow {
            Some(exc) => Err(PyErr::new(exc, format!("cannot fit '{}' into an index-sized integer", type_name_of(v)))),
            None => Ok(Some(if i.is_negative() { i64::MIN } else { i64::MAX })),
        },
    }
}

/// `operator.index(v)` as an i64: ints, bools and `__index__`; OverflowError for values
/// that do not fit, TypeError for objects that are not integers.
pub fn index_i64(vm: &mut Vm, v: StackRef) -> PyResult<i64> {
    match index_value(vm, v)? {
        Some(i) => i.as_i64().ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t")),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name_of(v)))),
    }
}

/// PyFloat_AsDouble: floats, ints and bools, then `__float__`, then `__index__`.
pub fn to_f64(vm: &mut Vm, v: StackRef) -> PyResult<f64> {
    to_f64_with(vm, v, |t| format!("must be real number, not {t}"))
}

/// `to_f64` with the TypeError text for other values made by `what` from the type name.
pub fn to_f64_with(vm: &mut Vm, v: StackRef, what: impl Fn(&str) -> String) -> PyResult<f64> {
    if let Some(f) = float_value(v) {
        if crate::ops::slots::is_builtin_type(crate::runtime::types::type_of(v)) {
            return Ok(f);
        }
    }
    if let Some(i) = int_ref(v) {
        return i.to_f64();
    }
    if let Some(result) = call_user(vm, v, "__float__", &[])? {
        return match float_value(result) {
            Some(f) => Ok(f),
            None => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name_of(v),
                type_name_of(result)
            ))),
        };
    }
    if let Some(f) = float_value(v) {
        return Ok(f);
    }
    if let Some(i) = index_value(vm, v)? {
        return i.to_f64();
    }
    Err(type_error(what(type_name_of(v))))
}
