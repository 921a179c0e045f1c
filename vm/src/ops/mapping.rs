//! Dicts with Python key semantics: keys are found by hash and then `==`.
//!
//! Keys whose equality is decidable without running Python code (exact ints, bools,
//! floats, strs, None, and tuples of those) are compared inside the table lookup
//! (`DictData::find_with`); any other candidate key is compared with `eq()` outside the
//! table borrow, restarting the lookup if the compared entry moved meanwhile (as CPython
//! does).

use std::cmp::Ordering;

use crate::heap::{self, Handle};
use crate::objects::dict::DictData;
use crate::objects::kind::Kind;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops::compare::{eq, numeric_ordering};
use crate::ops::slots::{is_builtin_type, user_method};
use crate::runtime::errors::{type_error, value_error, ExcType};
use crate::runtime::types::{type_name_of, type_of};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// Whether `==` on this key never runs Python code (nested tuples up to a small depth).
pub(crate) fn is_simple_key(k: StackRef) -> bool {
    is_simple_key_at(k, 0)
}

fn is_simple_key_at(k: StackRef, depth: u32) -> bool {
    if k.is_small_int() {
        return true;
    }
    match k.kind() {
        Kind::Bool | Kind::None => true,
        Kind::BigInt | Kind::Float | Kind::Str => is_builtin_type(type_of(k)),
        Kind::Tuple => {
            depth < 8
                && is_builtin_type(type_of(k))
                && k.downcast::<TupleData>().is_some_and(|t| t.items.iter().all(|i| is_simple_key_at(*i, depth + 1)))
        }
        _ => false,
    }
}

/// `a == b` for two simple keys.
pub(crate) fn simple_eq(a: StackRef, b: StackRef) -> bool {
    if a == b {
        return true;
    }
    if let Some(ordering) = numeric_ordering(a, b) {
        return ordering == Some(Ordering::Equal);
    }
    match (a.kind(), b.kind()) {
        (Kind::Str, Kind::Str) => match (a.downcast::<StrData>(), b.downcast::<StrData>()) {
            (Some(x), Some(y)) => x.value == y.value,
            _ => false,
        },
        (Kind::Tuple, Kind::Tuple) => match (a.downcast::<TupleData>(), b.downcast::<TupleData>()) {
            (Some(x), Some(y)) => {
                x.items.len() == y.items.len() && x.items.iter().zip(y.items.iter()).all(|(p, q)| simple_eq(*p, *q))
            }
            _ => false,
        },
        _ => false,
    }
}

fn as_dict(dict: StackRef) -> PyResult<&'static DictData> {
    dict.downcast::<DictData>().ok_or_else(|| type_error(format!("expected a dict, not '{}'", type_name_of(dict))))
}

/// The entry at `index`, if the table still has that many entries.
fn entry_at(d: &DictData, index: usize) -> Option<crate::objects::dict::Entry> {
    d.table.borrow().entries.get(index).copied()
}

/// The entry index of `key` (whose hash is `hash`) in `d`, comparing keys with Python
/// semantics. `key` must be kept alive by the caller.
pub(crate) fn lookup_hashed(vm: &mut Vm, d: &DictData, key: StackRef, hash: i64) -> PyResult<Option<usize>> {
    let simple = is_simple_key(key);
    'restart: loop {
        if simple {
            let mut other_keys = false;
            let found = d.find_with(hash, |k| {
                if k == key {
                    true
                } else if is_simple_key(k) {
                    simple_eq(k, key)
                } else {
                    other_keys = true;
                    false
                }
            });
            if found.is_some() || !other_keys {
                return Ok(found);
            }
        }
        for index in d.candidates(hash) {
            let Some(entry) = entry_at(d, index) else { continue };
            if entry.key.is_null() || entry.hash != hash {
                continue;
            }
            if entry.key == key {
                return Ok(Some(index));
            }
            if simple && is_simple_key(entry.key) {
                // Already compared in the fast path above.
                continue;
            }
            let stored = Handle::new(entry.key);
            let equal = eq(vm, stored.get(), key)?;
            // `==` ran Python code: if the entry moved or went away, start over (as
            // CPython does when the key it compared with changed).
            if entry_at(d, index).is_none_or(|e| e.key != stored.get()) {
                continue 'restart;
            }
            if equal {
                return Ok(Some(index));
            }
        }
        return Ok(None);
    }
}

/// `dict[key]` without the KeyError: `Ok(None)` when absent. The value is the dict's
/// (uncounted for the caller: valid until the dict changes or the next safepoint).
pub fn dict_get(vm: &mut Vm, dict: StackRef, key: StackRef) -> PyResult<Option<StackRef>> {
    let d = as_dict(dict)?;
    let hash = crate::ops::hash(vm, key)?;
    Ok(lookup_hashed(vm, d, key, hash)?.and_then(|i| d.value_at(i)))
}

/// `dict[key] = value`.
pub fn dict_set(vm: &mut Vm, dict: StackRef, key: StackRef, value: StackRef) -> PyResult<()> {
    let d = as_dict(dict)?;
    let hash = crate::ops::hash(vm, key)?;
    dict_set_hashed(vm, d, key, hash, value)
}

pub(crate) fn dict_set_hashed(vm: &mut Vm, d: &DictData, key: StackRef, hash: i64, value: StackRef) -> PyResult<()> {
    match lookup_hashed(vm, d, key, hash)? {
        Some(index) => d.set_value_at(index, value),
        None => d.insert_new(hash, key, value),
    }
    Ok(())
}

/// `del dict[key]` without the KeyError: returns the removed value, or `Ok(None)` when
/// the key was absent. The dict's references are dropped at once; the returned value
/// is uncounted, valid until the next safepoint (store or Handle it before running
/// Python code).
pub fn dict_del(vm: &mut Vm, dict: StackRef, key: StackRef) -> PyResult<Option<StackRef>> {
    let d = as_dict(dict)?;
    let hash = crate::ops::hash(vm, key)?;
    match lookup_hashed(vm, d, key, hash)? {
        Some(index) => {
            let (k, v) = d.remove_at(index);
            heap::decref(k);
            heap::decref(v);
            Ok(Some(v))
        }
        None => Ok(None),
    }
}

/// `dict.update(other)` (also `dict |= other`): from a dict, from an object with a
/// `keys()` method, or from an iterable of key/value pairs.
pub fn dict_update(vm: &mut Vm, dict: StackRef, other: StackRef) -> PyResult<()> {
    let d = as_dict(dict)?;
    if let Some(source) = other.downcast::<DictData>() {
        if user_method(other, "keys").is_none() && user_method(other, "__iter__").is_none() {
            let entries = source.counted_entries();
            for (hash, key, value) in entries {
                dict_set_hashed(vm, d, key.get(), hash, value.get())?;
            }
            return Ok(());
        }
    }
    if other.kind() == Kind::Dict || user_method(other, "keys").is_some() {
        let keys = Handle::new(vm.call_method(other, "keys", &[])?);
        let keys = crate::ops::collect(vm, keys.get())?;
        for key in keys {
            let value = Handle::new(crate::ops::getitem(vm, other, key.get())?);
            dict_set(vm, dict, key.get(), value.get())?;
        }
        return Ok(());
    }
    let items = crate::ops::collect(vm, other)?;
    for (i, item) in items.iter().enumerate() {
        let pair = match crate::ops::collect(vm, item.get()) {
            Ok(pair) => pair,
            Err(e) if e.matches(ExcType::TypeError) => {
                return Err(type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")))
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        dict_set(vm, dict, pair[0].get(), pair[1].get())?;
    }
    Ok(())
}
