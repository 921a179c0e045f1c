//! The sequence protocol of bytes and bytearray: indexing (ints), slicing, item and
//! slice assignment and deletion on bytearray, `in`, iteration, comparison, `+` and `*`,
//! and repr, with CPython 3.11's messages.

use crate::heap::{self, Handle};
use crate::objects::bytes::{ByteArrayData, BytesData, BytesIterData};
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::slice::SliceData;
use crate::ops::conversion::{as_ssize, int_ref};
use crate::ops::slicing::{adjust_indices, normalize_index, unpack_values};
use crate::runtime::errors::{index_error, type_error, value_error, ExcType};
use crate::runtime::types::{type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// Runs `f` on the bytes of a bytes or bytearray value; None for other values.
pub(crate) fn with_bytes<R>(v: StackRef, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    if let Some(b) = v.downcast::<BytesData>() {
        return Some(f(&b.value));
    }
    v.downcast::<ByteArrayData>().map(|a| f(&a.value.borrow()))
}

/// A copy of the bytes of a bytes-like value.
pub(crate) fn bytes_of(v: StackRef) -> Option<Vec<u8>> {
    with_bytes(v, <[u8]>::to_vec)
}

/// A new object of the builtin type `like` has (bytes for bytes and its subclasses).
pub(crate) fn same_kind(like: StackRef, value: Vec<u8>) -> StackRef {
    if like.kind() == Kind::ByteArray {
        new::bytearray(value)
    } else {
        new::bytes(value)
    }
}

fn array(v: StackRef) -> &'static ByteArrayData {
    v.downcast::<ByteArrayData>().expect("a bytearray")
}

fn label(v: StackRef) -> &'static str {
    if v.kind() == Kind::ByteArray {
        "bytearray"
    } else {
        "byte"
    }
}

/// An int in range(256) for a byte (TypeError for non-ints, ValueError outside).
pub(crate) fn byte_value(vm: &mut Vm, v: StackRef) -> PyResult<u8> {
    let n = match as_ssize(vm, v, None)? {
        Some(n) => n,
        None => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name_of(v)))),
    };
    u8::try_from(n).map_err(|_| value_error("byte must be in range(0, 256)"))
}

/// `b[key]`: an int for an index, the same type for a slice.
pub(crate) fn getitem(vm: &mut Vm, seq: StackRef, key: StackRef) -> PyResult<StackRef> {
    if let Some(s) = key.downcast::<SliceData>() {
        let (a, b, c) = unpack_values(vm, s.start, s.stop, s.step)?;
        return Ok(slice(seq, a, b, c));
    }
    let Some(i) = as_ssize(vm, key, Some(ExcType::IndexError))? else {
        return Err(type_error(format!(
            "{} indices must be integers or slices, not {}",
            label(seq),
            type_name_of(key)
        )));
    };
    let item = with_bytes(seq, |b| normalize_index(i, b.len()).map(|idx| b[idx])).flatten();
    match item {
        Some(byte) => Ok(new::int(byte as i64)),
        None if seq.kind() == Kind::ByteArray => Err(index_error("bytearray index out of range")),
        None => Err(index_error("index out of range")),
    }
}

/// `b[start:stop:step]` from unpacked bounds.
pub(crate) fn slice(seq: StackRef, start: i64, stop: i64, step: i64) -> StackRef {
    let (picked, whole) = with_bytes(seq, |b| {
        let s = adjust_indices(b.len(), start, stop, step);
        let picked: Vec<u8> = if s.step == 1 {
            b[s.start as usize..s.start as usize + s.len].to_vec()
        } else {
            s.indices().map(|i| b[i]).collect()
        };
        (picked, s.is_whole(b.len()))
    })
    .unwrap_or_default();
    if whole && type_of(seq) == types().bytes {
        return seq;
    }
    same_kind(seq, picked)
}

/// The bytes to store from a slice assignment's value: a bytes-like object or an
/// iterable of ints (a str or an int is refused, as CPython does).
fn assigned_bytes(vm: &mut Vm, value: StackRef) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(value) {
        return Ok(b);
    }
    if value.kind() == Kind::Str {
        return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    if int_ref(value).is_some() {
        return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    bytes_from_iterable(vm, value)
}

/// The ints of an iterable as bytes.
pub(crate) fn bytes_from_iterable(vm: &mut Vm, iterable: StackRef) -> PyResult<Vec<u8>> {
    let items = crate::ops::collect(vm, iterable)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(byte_value(vm, item.get())?);
    }
    Ok(out)
}

/// `a[key] = value` for a bytearray.
pub(crate) fn setitem(vm: &mut Vm, seq: StackRef, key: StackRef, value: StackRef) -> PyResult<()> {
    if let Some(s) = key.downcast::<SliceData>() {
        let (a, b, c) = unpack_values(vm, s.start, s.stop, s.step)?;
        let value = Handle::new(value);
        let replacement = assigned_bytes(vm, value.get())?;
        return assign_slice(seq, a, b, c, Some(replacement));
    }
    let Some(i) = as_ssize(vm, key, Some(ExcType::IndexError))? else {
        return Err(type_error(format!("bytearray indices must be integers or slices, not {}", type_name_of(key))));
    };
    let byte = byte_value(vm, value)?;
    let mut data = array(seq).value.borrow_mut();
    match normalize_index(i, data.len()) {
        Some(idx) => {
            data[idx] = byte;
            Ok(())
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

/// `del a[key]` for a bytearray.
pub(crate) fn delitem(vm: &mut Vm, seq: StackRef, key: StackRef) -> PyResult<()> {
    if let Some(s) = key.downcast::<SliceData>() {
        let (a, b, c) = unpack_values(vm, s.start, s.stop, s.step)?;
        return assign_slice(seq, a, b, c, None);
    }
    let Some(i) = as_ssize(vm, key, Some(ExcType::IndexError))? else {
        return Err(type_error(format!("bytearray indices must be integers or slices, not {}", type_name_of(key))));
    };
    let mut data = array(seq).value.borrow_mut();
    match normalize_index(i, data.len()) {
        Some(idx) => {
            data.remove(idx);
            Ok(())
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

/// Replaces (or with None deletes) a slice of a bytearray.
fn assign_slice(seq: StackRef, start: i64, stop: i64, step: i64, replacement: Option<Vec<u8>>) -> PyResult<()> {
    let mut data = array(seq).value.borrow_mut();
    let s = adjust_indices(data.len(), start, stop, step);
    if step == 1 {
        let lo = s.start as usize;
        let hi = s.stop.max(s.start) as usize;
        data.splice(lo..hi, replacement.unwrap_or_default());
        return Ok(());
    }
    match replacement {
        None => {
            let mut doomed = vec![false; data.len()];
            for i in s.indices() {
                doomed[i] = true;
            }
            let mut index = 0;
            data.retain(|_| {
                index += 1;
                !doomed[index - 1]
            });
            Ok(())
        }
        Some(values) => {
            if values.len() != s.len {
                return Err(value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    values.len(),
                    s.len
                )));
            }
            for (i, v) in s.indices().zip(values) {
                data[i] = v;
            }
            Ok(())
        }
    }
}

/// `item in b`: an int byte, or a bytes-like subsequence.
pub(crate) fn contains(vm: &mut Vm, seq: StackRef, item: StackRef) -> PyResult<bool> {
    if let Some(needle) = bytes_of(item) {
        return Ok(with_bytes(seq, |hay| find(hay, &needle, 0, hay.len()).is_some()).unwrap_or(false));
    }
    if int_ref(item).is_some() || crate::ops::slots::user_method(item, "__index__").is_some() {
        let byte = byte_value(vm, item)?;
        return Ok(with_bytes(seq, |hay| hay.contains(&byte)).unwrap_or(false));
    }
    Err(type_error(format!("a bytes-like object is required, not '{}'", type_name_of(item))))
}

/// The first position of `needle` in `hay[start..end]`.
pub(crate) fn find(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    hay[start..end].windows(needle.len()).position(|w| w == needle).map(|p| p + start)
}

/// The last position of `needle` in `hay[start..end]`.
pub(crate) fn rfind(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(end);
    }
    hay[start..end].windows(needle.len()).rposition(|w| w == needle).map(|p| p + start)
}

pub(crate) fn iter(seq: StackRef) -> StackRef {
    heap::incref(seq);
    let ty = if seq.kind() == Kind::ByteArray { types().bytearray_iterator } else { types().bytes_iterator };
    heap::alloc(ty, BytesIterData { seq, index: std::cell::Cell::new(0) })
}

pub(crate) fn next(it: StackRef) -> Option<StackRef> {
    let data = it.downcast::<BytesIterData>().expect("bytes iterator");
    let index = data.index.get();
    let byte = with_bytes(data.seq, |b| b.get(index).copied()).flatten()?;
    data.index.set(index + 1);
    Some(new::int(byte as i64))
}

/// The ordering of two bytes-like values; None when either is not one.
pub(crate) fn ordering(a: StackRef, b: StackRef) -> Option<std::cmp::Ordering> {
    let left = bytes_of(a)?;
    with_bytes(b, |right| left.as_slice().cmp(right))
}

/// `a + b` when a is bytes-like (the result has a's type).
pub(crate) fn concat(a: StackRef, b: StackRef) -> PyResult<StackRef> {
    let Some(right) = bytes_of(b) else {
        return Err(type_error(format!("can't concat {} to {}", type_name_of(b), type_name_of(a))));
    };
    let mut out = bytes_of(a).unwrap_or_default();
    out.extend_from_slice(&right);
    Ok(same_kind(a, out))
}

/// `a += b` for a bytearray: extends it in place.
pub(crate) fn extend_in_place(a: StackRef, b: StackRef) -> PyResult<StackRef> {
    let Some(right) = bytes_of(b) else {
        return Err(type_error(format!("can't concat {} to {}", type_name_of(b), type_name_of(a))));
    };
    array(a).value.borrow_mut().extend_from_slice(&right);
    Ok(a)
}

/// `b * count`, or `b *= count` on a bytearray (which repeats in place).
pub(crate) fn repeat(seq: StackRef, count: u128, inplace: bool) -> PyResult<StackRef> {
    let len = with_bytes(seq, <[u8]>::len).unwrap_or(0);
    if len as u128 * count > crate::ops::MAX_REPEAT_SIZE {
        return Err(crate::runtime::errors::PyErr::bare(ExcType::MemoryError));
    }
    let count = count as usize;
    if inplace && seq.kind() == Kind::ByteArray {
        let mut data = array(seq).value.borrow_mut();
        *data = data.repeat(count);
        return Ok(seq);
    }
    Ok(same_kind(seq, with_bytes(seq, |b| b.repeat(count)).unwrap_or_default()))
}

/// `repr(b)`: `b'...'` (double quotes when the bytes hold a single quote and no double
/// one), `bytearray(b'...')` for a bytearray.
pub(crate) fn repr(v: StackRef) -> String {
    let body = with_bytes(v, crate::format::bytes_repr).unwrap_or_default();
    if v.kind() == Kind::ByteArray {
        format!("{}({body})", type_name_of(v))
    } else {
        body
    }
}
