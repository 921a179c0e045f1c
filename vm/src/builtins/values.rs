//! Conversions and lookups shared by the builtins and the modules: reading ints,
//! floats and strs out of values, `__index__` and other special-method calls, and
//! dict lookups that compare keys with Python equality.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::format;
use crate::heap::Handle;
use crate::objects::dict::DictData;
use crate::objects::float::FloatData;
use crate::objects::int::BigIntData;
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::singletons::BoolData;
use crate::objects::str::StrData;
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error, ExcType, PyErr};
use crate::runtime::types::{lookup, type_name_of, type_of};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// The str payload of a value.
#[inline]
pub(crate) fn str_data(v: StackRef) -> Option<&'static StrData> {
    v.downcast::<StrData>()
}

/// The text of a str value.
#[inline]
pub(crate) fn as_str(v: StackRef) -> Option<&'static str> {
    v.downcast::<StrData>().map(|s| &*s.value)
}

/// Whether the value is an int (including bool).
#[inline]
pub(crate) fn is_int(v: StackRef) -> bool {
    matches!(v.kind(), Kind::SmallInt | Kind::BigInt | Kind::Bool)
}

/// The value of a tagged int or a bool.
#[inline]
pub(crate) fn small_int(v: StackRef) -> Option<i64> {
    if v.is_small_int() {
        Some(v.small_int_value())
    } else {
        v.downcast::<BoolData>().map(|b| b.value as i64)
    }
}

/// The value of an int (or bool) as a BigInt.
pub(crate) fn to_bigint(v: StackRef) -> Option<BigInt> {
    if let Some(i) = small_int(v) {
        return Some(BigInt::from(i));
    }
    v.downcast::<BigIntData>().map(|b| b.value.clone())
}

/// The value of an int (or bool) when it fits an i64.
pub(crate) fn int_i64(v: StackRef) -> Option<i64> {
    if let Some(i) = small_int(v) {
        return Some(i);
    }
    v.downcast::<BigIntData>().and_then(|b| b.value.to_i64())
}

/// The value of a float.
#[inline]
pub(crate) fn float_value(v: StackRef) -> Option<f64> {
    v.downcast::<FloatData>().map(|f| f.value)
}

/// Looks a special method up on the value's type.
pub(crate) fn lookup_special(v: StackRef, name: &str) -> Option<StackRef> {
    lookup(type_of(v), new::intern(name))
}

/// Turns an error message from `crate::format` into the exception CPython raises.
pub(crate) fn format_error(message: String) -> PyErr {
    match format::exception_kind(&message) {
        format::ExceptionKind::OverflowError => PyErr::new(ExcType::OverflowError, message),
        format::ExceptionKind::ZeroDivisionError => PyErr::new(ExcType::ZeroDivisionError, message),
        format::ExceptionKind::MemoryError => PyErr::bare(ExcType::MemoryError),
        _ => PyErr::new(ExcType::ValueError, message),
    }
}

/// An int converted to float, with CPython's OverflowError.
pub(crate) fn bigint_to_f64(value: &BigInt) -> PyResult<f64> {
    format::int_to_float(value).map_err(format_error)
}

/// `operator.index(v)`: an int, or the result of `__index__`.
pub(crate) fn index_bigint(vm: &mut Vm, v: StackRef) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    if let Some(method) = lookup_special(v, "__index__") {
        let result = vm.call(method, &[v])?;
        return match to_bigint(result) {
            Some(b) => Ok(b),
            None => Err(type_error(format!("__index__ returned non-int (type {})", type_name_of(result)))),
        };
    }
    Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name_of(v))))
}

/// `operator.index(v)` as an i64 ("Python int too large to convert to C ssize_t").
pub(crate) fn index_i64(vm: &mut Vm, v: StackRef) -> PyResult<i64> {
    if v.is_small_int() {
        return Ok(v.small_int_value());
    }
    let b = index_bigint(vm, v)?;
    b.to_i64().ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// A slice-style index (start/end arguments of str and list methods): None means
/// absent; huge values are clamped like `_PyEval_SliceIndex`.
pub(crate) fn slice_index(vm: &mut Vm, v: Option<StackRef>) -> PyResult<Option<i64>> {
    let v = match v {
        None => return Ok(None),
        Some(v) if v == crate::runtime::types::none() => return Ok(None),
        Some(v) => v,
    };
    if v.is_small_int() {
        return Ok(Some(v.small_int_value()));
    }
    if !is_int(v) && lookup_special(v, "__index__").is_none() {
        return Err(type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let b = index_bigint(vm, v)?;
    Ok(Some(match b.to_i64() {
        Some(i) => i,
        None if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        None => i64::MAX,
    }))
}

pub(crate) use crate::ops::{to_f64, to_f64_with};

/// Equality decided without Python code when both values are strs or ints (or the
/// same object); `None` when Python's `==` must be asked.
pub(crate) fn simple_eq(a: StackRef, b: StackRef) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    match (a.kind(), b.kind()) {
        (Kind::Str, Kind::Str) => Some(str_data(a)?.value == str_data(b)?.value),
        (Kind::SmallInt | Kind::Bool | Kind::BigInt, Kind::SmallInt | Kind::Bool | Kind::BigInt) => {
            Some(to_bigint(a)? == to_bigint(b)?)
        }
        (Kind::Str, Kind::SmallInt | Kind::Bool | Kind::BigInt | Kind::None | Kind::Float)
        | (Kind::SmallInt | Kind::Bool | Kind::BigInt | Kind::None | Kind::Float, Kind::Str) => {
            // Only builtin str against builtin numbers: their types are exact.
            let exact = |v: StackRef| {
                let t = type_of(v);
                let ty = crate::runtime::types::types();
                t == ty.str_ || t == ty.int || t == ty.bool_ || t == ty.float || t == ty.none_type
            };
            if exact(a) && exact(b) {
                Some(false)
            } else {
                None
            }
        }
        (Kind::None, Kind::None) => Some(true),
        _ => None,
    }
}

/// `PyObject_RichCompareBool(a, b, Py_EQ)`: identity first, then `==`.
pub(crate) fn values_equal(vm: &mut Vm, a: StackRef, b: StackRef) -> PyResult<bool> {
    match simple_eq(a, b) {
        Some(r) => Ok(r),
        None => ops::eq(vm, a, b),
    }
}

/// The dict payload of a dict value (callers have checked the kind).
pub(crate) fn dict_data(d: StackRef) -> &'static DictData {
    d.downcast::<DictData>().expect("a dict")
}

/// The entry index of `key` (whose hash is `hash`) in a dict, comparing keys with
/// Python equality. Restarts when a comparison changes the dict's keys.
pub(crate) fn dict_find(vm: &mut Vm, dict: StackRef, key: StackRef, hash: i64) -> PyResult<Option<usize>> {
    let data = dict_data(dict);
    loop {
        if let Some(i) = data.find_with(hash, |k| simple_eq(k, key) == Some(true)) {
            return Ok(Some(i));
        }
        let candidates = data.candidates(hash);
        let mut restart = false;
        for index in candidates {
            let entry = match data.next_entry(index) {
                Some((next, entry)) if next == index + 1 => entry,
                _ => continue,
            };
            if simple_eq(entry.key, key).is_some() {
                continue;
            }
            // A change of the key set during `==` (not a value update) restarts
            // the lookup, as in CPython.
            let keys_version = data.ensure_keys_version();
            let held = Handle::new(entry.key);
            let equal = ops::eq(vm, held.get(), key)?;
            if data.ensure_keys_version() != keys_version {
                restart = true;
                break;
            }
            if equal {
                return Ok(Some(index));
            }
        }
        if !restart {
            return Ok(None);
        }
    }
}

/// `d[key]` for a dict, or `None` when absent.
pub(crate) fn dict_lookup(vm: &mut Vm, dict: StackRef, key: StackRef) -> PyResult<Option<StackRef>> {
    let hash = ops::hash(vm, key)?;
    Ok(dict_find(vm, dict, key, hash)?.and_then(|i| dict_data(dict).value_at(i)))
}

/// `d[key] = value` for a dict.
pub(crate) fn dict_store(vm: &mut Vm, dict: StackRef, key: StackRef, value: StackRef) -> PyResult<()> {
    let hash = ops::hash(vm, key)?;
    dict_store_hashed(vm, dict, key, hash, value)
}

/// `d[key] = value` with the key's hash already known.
pub(crate) fn dict_store_hashed(
    vm: &mut Vm,
    dict: StackRef,
    key: StackRef,
    hash: i64,
    value: StackRef,
) -> PyResult<()> {
    let value = Handle::new(value);
    let key = Handle::new(key);
    match dict_find(vm, dict, key.get(), hash)? {
        Some(i) => dict_data(dict).set_value_at(i, value.get()),
        None => dict_data(dict).insert_new(hash, key.get(), value.get()),
    }
    Ok(())
}

/// Iterates any iterable, calling `f` with each item (held for the call's duration).
/// `f` returns false to stop early.
pub(crate) fn for_each(
    vm: &mut Vm,
    iterable: StackRef,
    mut f: impl FnMut(&mut Vm, StackRef) -> PyResult<bool>,
) -> PyResult<()> {
    let iterator = Handle::new(ops::iter(vm, iterable)?);
    while let Some(item) = ops::next(vm, iterator.get())? {
        let item = Handle::new(item);
        if !f(vm, item.get())? {
            break;
        }
    }
    Ok(())
}

/// The items of a list or tuple, copied (no borrow is held afterwards).
pub(crate) fn sequence_items(v: StackRef) -> Option<Vec<StackRef>> {
    if let Some(l) = v.downcast::<crate::objects::list::ListData>() {
        return Some(l.items.borrow().clone());
    }
    v.downcast::<crate::objects::tuple::TupleData>().map(|t| t.items.to_vec())
}

/// The items of any iterable as counted handles (lists and tuples without running
/// Python code).
pub(crate) fn collect_items(vm: &mut Vm, iterable: StackRef) -> PyResult<Vec<Handle>> {
    if let Some(items) = sequence_items(iterable) {
        return Ok(crate::heap::handles(&items));
    }
    ops::collect(vm, iterable)
}
