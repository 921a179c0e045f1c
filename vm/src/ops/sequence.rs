//! Subscripts and membership: `getitem`/`setitem`/`delitem` (indexes, slices and slice
//! assignment for list, tuple, str, range and dict, `__missing__`, `__class_getitem__`,
//! user `__getitem__`/`__setitem__`/`__delitem__`), BINARY_SLICE/STORE_SLICE, and
//! `contains` (the `in` operator).

use crate::heap::{self, Handle};
use crate::objects::dict::DictData;
use crate::objects::iterators::{DictPart, DictViewData};
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::range::RangeData;
use crate::objects::slice::SliceData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::objects::types::ClassMethodData;
use crate::ops::compare::eq;
use crate::ops::conversion::{as_ssize, index_value, int_ref};
use crate::ops::iteration::char_str;
use crate::ops::mapping::{dict_del, dict_get, dict_set};
use crate::ops::slicing::{adjust_indices, normalize_index, unpack_values, SliceIndices};
use crate::ops::slots::{call_method, call_prepended, find_special, is_builtin_type, user_method, Special};
use crate::runtime::errors::{index_error, key_error, type_error, value_error, ExcType};
use crate::runtime::types::{lookup, none, type_data, type_name, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// A subscript of a sequence: an index or a slice.
enum Subscript {
    Index(i64),
    Slice(&'static SliceData),
}

/// Classifies a subscript key; `Ok(None)` when it is neither an integer nor a slice.
fn subscript(vm: &mut Vm, key: StackRef) -> PyResult<Option<Subscript>> {
    if key.is_small_int() {
        return Ok(Some(Subscript::Index(key.small_int_value())));
    }
    if let Some(s) = key.downcast::<SliceData>() {
        return Ok(Some(Subscript::Slice(s)));
    }
    Ok(as_ssize(vm, key, Some(ExcType::IndexError))?.map(Subscript::Index))
}

fn indices_error(label: &str, key: StackRef) -> crate::PyErr {
    type_error(format!("{} indices must be integers or slices, not {}", label, type_name_of(key)))
}

/// A new slice object (bounds may be NULL, meaning None).
pub fn new_slice(start: StackRef, stop: StackRef, step: StackRef) -> StackRef {
    let or_none = |v: StackRef| if v.is_null() { none() } else { v };
    let (start, stop, step) = (or_none(start), or_none(stop), or_none(step));
    heap::incref(start);
    heap::incref(stop);
    heap::incref(step);
    heap::alloc(types().slice, SliceData { start, stop, step })
}

/// A new range object.
pub fn new_range(start: i64, stop: i64, step: i64) -> StackRef {
    heap::alloc(types().range, RangeData { start, stop, step })
}

/// `container[key]`.
pub fn getitem(vm: &mut Vm, container: StackRef, key: StackRef) -> PyResult<StackRef> {
    let ty = type_of(container);
    if type_data(ty).is_heap_type {
        if let Special::User(method) = find_special(ty, "__getitem__") {
            return call_method(vm, method, container, &[key]);
        }
    }
    match container.kind() {
        Kind::List | Kind::Tuple | Kind::Str | Kind::Range => {
            let label = match container.kind() {
                Kind::List => "list",
                Kind::Tuple => "tuple",
                Kind::Str => "string",
                _ => "range",
            };
            if container.kind() == Kind::Range {
                return range_getitem(vm, container, key);
            }
            match subscript(vm, key)? {
                Some(Subscript::Index(i)) => sequence_index(container, i),
                Some(Subscript::Slice(s)) => {
                    let (a, b, c) = unpack_values(vm, s.start, s.stop, s.step)?;
                    sequence_slice(container, a, b, c)
                }
                None if container.kind() == Kind::Str => {
                    Err(type_error(format!("string indices must be integers, not '{}'", type_name_of(key))))
                }
                None => Err(indices_error(label, key)),
            }
        }
        Kind::Bytes | Kind::ByteArray => crate::ops::bytes::getitem(vm, container, key),
        Kind::Dict => dict_subscript(vm, container, key),
        Kind::Type => class_getitem(vm, container, key),
        _ => Err(type_error(format!("'{}' object is not subscriptable", type_name_of(container)))),
    }
}

/// `seq[i]` for a list, tuple or str.
fn sequence_index(seq: StackRef, i: i64) -> PyResult<StackRef> {
    match seq.kind() {
        Kind::List => {
            let item = {
                let items = seq.downcast::<ListData>().expect("list").items.borrow();
                normalize_index(i, items.len()).map(|idx| items[idx])
            };
            item.ok_or_else(|| index_error("list index out of range"))
        }
        Kind::Tuple => {
            let t = seq.downcast::<TupleData>().expect("tuple");
            normalize_index(i, t.items.len())
                .map(|idx| t.items[idx])
                .ok_or_else(|| index_error("tuple index out of range"))
        }
        _ => {
            let s = seq.downcast::<StrData>().expect("str");
            let c = normalize_index(i, s.char_len).and_then(|idx| {
                if s.is_ascii() {
                    s.value.as_bytes().get(idx).map(|b| *b as char)
                } else {
                    s.value.chars().nth(idx)
                }
            });
            c.map(char_str).ok_or_else(|| index_error("string index out of range"))
        }
    }
}

fn seq_len(seq: StackRef) -> usize {
    match seq.kind() {
        Kind::List => seq.downcast::<ListData>().map(|l| l.items.borrow().len()).unwrap_or(0),
        Kind::Tuple => seq.downcast::<TupleData>().map(|t| t.items.len()).unwrap_or(0),
        Kind::Str => seq.downcast::<StrData>().map(|s| s.char_len).unwrap_or(0),
        Kind::Range => seq.downcast::<RangeData>().map(|r| r.len().max(0) as usize).unwrap_or(0),
        _ => 0,
    }
}

/// `seq[start:stop:step]` for a list, tuple, str or range, from unpacked bounds.
fn sequence_slice(seq: StackRef, start: i64, stop: i64, step: i64) -> PyResult<StackRef> {
    let length = seq_len(seq);
    let s = adjust_indices(length, start, stop, step);
    match seq.kind() {
        Kind::List => {
            let items = seq.downcast::<ListData>().expect("list").items.borrow();
            let picked: Vec<StackRef> = if s.step == 1 {
                items[s.start as usize..s.start as usize + s.len].to_vec()
            } else {
                s.indices().map(|i| items[i]).collect()
            };
            drop(items);
            Ok(new::list(picked))
        }
        Kind::Tuple => {
            let t = seq.downcast::<TupleData>().expect("tuple");
            if s.is_whole(length) && type_of(seq) == types().tuple {
                return Ok(seq);
            }
            Ok(new::tuple(s.indices().map(|i| t.items[i]).collect()))
        }
        Kind::Str => {
            let text = &seq.downcast::<StrData>().expect("str").value;
            if s.is_whole(length) && type_of(seq) == types().str_ {
                return Ok(seq);
            }
            Ok(new::string(str_slice(text, s)))
        }
        _ => range_slice(seq.downcast::<RangeData>().expect("range"), s),
    }
}

/// The characters of `text` a normalized slice selects.
fn str_slice(text: &str, s: SliceIndices) -> String {
    if s.len == 0 {
        return String::new();
    }
    if text.is_ascii() {
        let bytes = text.as_bytes();
        if s.step == 1 {
            return text[s.start as usize..s.start as usize + s.len].to_string();
        }
        return s.indices().map(|i| bytes[i] as char).collect();
    }
    if s.step == 1 {
        return text.chars().skip(s.start as usize).take(s.len).collect();
    }
    let chars: Vec<char> = text.chars().collect();
    s.indices().map(|i| chars[i]).collect()
}

/// `range[i]`: any integer index (huge ones are simply out of range).
fn range_getitem(vm: &mut Vm, container: StackRef, key: StackRef) -> PyResult<StackRef> {
    let r = container.downcast::<RangeData>().expect("range");
    if let Some(s) = key.downcast::<SliceData>() {
        let (a, b, c) = unpack_values(vm, s.start, s.stop, s.step)?;
        return sequence_slice(container, a, b, c);
    }
    let Some(i) = index_value(vm, key)? else {
        return Err(indices_error("range", key));
    };
    let length = r.len().max(0) as usize;
    match i.as_i64().and_then(|i| normalize_index(i, length)) {
        Some(idx) => Ok(new::int((r.start as i128 + idx as i128 * r.step as i128) as i64)),
        None => Err(index_error("range object index out of range")),
    }
}

/// A range sliced as CPython's `compute_slice` does.
fn range_slice(r: &RangeData, s: SliceIndices) -> PyResult<StackRef> {
    let (start, step) = (r.start as i128, r.step as i128);
    let new_start = start + s.start as i128 * step;
    let new_stop = start + s.stop as i128 * step;
    let new_step = step * s.step as i128;
    let fits = |v: i128| i64::try_from(v).is_ok();
    if fits(new_start) && fits(new_stop) && fits(new_step) {
        return Ok(new_range(new_start as i64, new_stop as i64, new_step as i64));
    }
    // Same elements with bounds that fit: stop just past the last element.
    if s.len == 0 {
        return Ok(new_range(0, 0, 1));
    }
    let last = new_start + (s.len as i128 - 1) * new_step;
    let step = if s.len == 1 {
        if new_step > 0 {
            1
        } else {
            -1
        }
    } else {
        new_step
    };
    let stop = last + if step > 0 { 1 } else { -1 };
    Ok(new_range(new_start as i64, stop as i64, step as i64))
}

/// `dict[key]`, with `__missing__` for dict subclasses.
fn dict_subscript(vm: &mut Vm, dict: StackRef, key: StackRef) -> PyResult<StackRef> {
    if let Some(v) = dict_get(vm, dict, key)? {
        return Ok(v);
    }
    if !is_builtin_type(type_of(dict)) {
        if let Some(method) = user_method(dict, "__missing__") {
            return call_method(vm, method, dict, &[key]);
        }
    }
    Err(key_error(key))
}

/// `cls[key]`: `__class_getitem__` for user classes; the generic builtin classes return
/// themselves (standing in for `types.GenericAlias`, e.g. in annotations).
fn class_getitem(vm: &mut Vm, cls: StackRef, key: StackRef) -> PyResult<StackRef> {
    if let Some(func) = lookup(cls, new::intern("__class_getitem__")) {
        let func = match func.downcast::<ClassMethodData>() {
            Some(cm) => cm.0.func,
            None => func,
        };
        return call_prepended(vm, func, cls, &[key]);
    }
    let t = types();
    let generic = [t.list, t.dict, t.tuple, t.type_, t.enumerate];
    if type_data(cls).mro.borrow().iter().any(|c| generic.contains(c)) {
        return Ok(cls);
    }
    Err(type_error(format!("type '{}' is not subscriptable", type_name(cls))))
}

/// `container[key] = value`.
pub fn setitem(vm: &mut Vm, container: StackRef, key: StackRef, value: StackRef) -> PyResult<()> {
    let ty = type_of(container);
    if type_data(ty).is_heap_type {
        if let Special::User(method) = find_special(ty, "__setitem__") {
            call_method(vm, method, container, &[key, value])?;
            return Ok(());
        }
    }
    match container.kind() {
        Kind::List => match subscript(vm, key)? {
            Some(Subscript::Index(i)) => {
                let list = container.downcast::<ListData>().expect("list");
                let old = {
                    let mut items = list.items.borrow_mut();
                    match normalize_index(i, items.len()) {
                        Some(idx) => {
                            heap::incref(value);
                            Some(std::mem::replace(&mut items[idx], value))
                        }
                        None => None,
                    }
                };
                match old {
                    Some(old) => {
                        heap::decref(old);
                        Ok(())
                    }
                    None => Err(index_error("list assignment index out of range")),
                }
            }
            Some(Subscript::Slice(s)) => list_assign_slice(vm, container, s.start, s.stop, s.step, Some(value)),
            None => Err(indices_error("list", key)),
        },
        Kind::Dict => dict_set(vm, container, key, value),
        Kind::ByteArray => crate::ops::bytes::setitem(vm, container, key, value),
        _ => Err(type_error(format!("'{}' object does not support item assignment", type_name_of(container)))),
    }
}

/// `del container[key]`.
pub fn delitem(vm: &mut Vm, container: StackRef, key: StackRef) -> PyResult<()> {
    let ty = type_of(container);
    if type_data(ty).is_heap_type {
        if let Special::User(method) = find_special(ty, "__delitem__") {
            call_method(vm, method, container, &[key])?;
            return Ok(());
        }
    }
    match container.kind() {
        Kind::List => match subscript(vm, key)? {
            Some(Subscript::Index(i)) => {
                let list = container.downcast::<ListData>().expect("list");
                let removed = {
                    let mut items = list.items.borrow_mut();
                    normalize_index(i, items.len()).map(|idx| items.remove(idx))
                };
                match removed {
                    Some(old) => {
                        heap::decref(old);
                        Ok(())
                    }
                    None => Err(index_error("list assignment index out of range")),
                }
            }
            Some(Subscript::Slice(s)) => list_assign_slice(vm, container, s.start, s.stop, s.step, None),
            None => Err(indices_error("list", key)),
        },
        Kind::ByteArray => crate::ops::bytes::delitem(vm, container, key),
        Kind::Dict => match dict_del(vm, container, key)? {
            Some(_) => Ok(()),
            None => Err(key_error(key)),
        },
        Kind::Tuple | Kind::Str | Kind::Bytes | Kind::Range | Kind::DictView | Kind::Set
            if int_ref(key).is_some() || user_method(key, "__index__").is_some() =>
        {
            Err(type_error(format!("'{}' object doesn't support item deletion", type_name_of(container))))
        }
        _ => Err(type_error(format!("'{}' object does not support item deletion", type_name_of(container)))),
    }
}

/// The items of a value for slice assignment (CPython's `PySequence_Fast`): a TypeError
/// from `iter()` becomes `message`.
fn sequence_fast(vm: &mut Vm, value: StackRef, message: &str) -> PyResult<Vec<Handle>> {
    if is_builtin_type(type_of(value)) && matches!(value.kind(), Kind::List | Kind::Tuple) {
        return crate::ops::collect(vm, value);
    }
    let it = match crate::ops::iter(vm, value) {
        Ok(it) => Handle::new(it),
        Err(e) if e.matches(ExcType::TypeError) => return Err(type_error(message)),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(v) = crate::ops::next(vm, it.get())? {
        out.push(Handle::new(v));
    }
    Ok(out)
}

/// `list[start:stop:step] = value` (or `del list[start:stop:step]` when `value` is None),
/// with CPython's rules: step 1 replaces a run by any number of items; extended slices
/// need exactly as many items as they select.
fn list_assign_slice(
    vm: &mut Vm,
    list_ref: StackRef,
    start: StackRef,
    stop: StackRef,
    step: StackRef,
    value: Option<StackRef>,
) -> PyResult<()> {
    let (a, b, c) = unpack_values(vm, start, stop, step)?;
    let replacement = match value {
        None => None,
        Some(v) => {
            let message = if c == 1 { "can only assign an iterable" } else { "must assign iterable to extended slice" };
            Some(sequence_fast(vm, v, message)?)
        }
    };
    // No Python code runs from here on.
    let list = list_ref.downcast::<ListData>().expect("list");
    let mut items = list.items.borrow_mut();
    let s = adjust_indices(items.len(), a, b, c);
    let mut removed: Vec<StackRef> = Vec::new();
    if c == 1 {
        let lo = s.start as usize;
        let hi = (s.stop.max(s.start)) as usize;
        let new_values: Vec<StackRef> = replacement.iter().flatten().map(Handle::get).collect();
        for v in &new_values {
            heap::incref(*v);
        }
        removed.extend(items.splice(lo..hi, new_values));
    } else {
        match replacement {
            None => {
                if s.len > 0 {
                    let mut doomed = vec![false; items.len()];
                    for i in s.indices() {
                        doomed[i] = true;
                    }
                    let old = std::mem::take(&mut *items);
                    for (i, v) in old.into_iter().enumerate() {
                        if doomed[i] {
                            removed.push(v);
                        } else {
                            items.push(v);
                        }
                    }
                }
            }
            Some(values) => {
                if values.len() != s.len {
                    drop(items);
                    return Err(value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        values.len(),
                        s.len
                    )));
                }
                for (k, i) in s.indices().enumerate() {
                    let v = values[k].get();
                    heap::incref(v);
                    removed.push(std::mem::replace(&mut items[i], v));
                }
            }
        }
    }
    drop(items);
    for v in removed {
        heap::decref(v);
    }
    Ok(())
}

/// BINARY_SLICE: `container[start:stop]` (bounds are values; None or NULL when omitted).
pub fn get_slice(vm: &mut Vm, container: StackRef, start: StackRef, stop: StackRef) -> PyResult<StackRef> {
    if is_builtin_type(type_of(container))
        && matches!(container.kind(), Kind::List | Kind::Tuple | Kind::Str | Kind::Range)
    {
        let (a, b, c) = unpack_values(vm, start, stop, StackRef::NULL)?;
        return sequence_slice(container, a, b, c);
    }
    let slice = Handle::new(new_slice(start, stop, StackRef::NULL));
    getitem(vm, container, slice.get())
}

/// STORE_SLICE: `container[start:stop] = value`.
pub fn set_slice(vm: &mut Vm, container: StackRef, start: StackRef, stop: StackRef, value: StackRef) -> PyResult<()> {
    if is_builtin_type(type_of(container)) && container.kind() == Kind::List {
        return list_assign_slice(vm, container, start, stop, StackRef::NULL, Some(value));
    }
    let slice = Handle::new(new_slice(start, stop, StackRef::NULL));
    setitem(vm, container, slice.get(), value)
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: StackRef, item: StackRef) -> PyResult<bool> {
    let ty = type_of(container);
    if type_data(ty).is_heap_type {
        if let Special::User(method) = find_special(ty, "__contains__") {
            let r = call_method(vm, method, container, &[item])?;
            return crate::ops::truthy(vm, r);
        }
    }
    match container.kind() {
        Kind::List => {
            let list = container.downcast::<ListData>().expect("list");
            let mut i = 0;
            loop {
                let element = match list.items.borrow().get(i) {
                    Some(v) => Handle::new(*v),
                    None => return Ok(false),
                };
                if eq(vm, element.get(), item)? {
                    return Ok(true);
                }
                i += 1;
            }
        }
        Kind::Tuple => {
            let t = container.downcast::<TupleData>().expect("tuple");
            for element in t.items.iter() {
                if eq(vm, *element, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Kind::Str => {
            let haystack = &container.downcast::<StrData>().expect("str").value;
            match item.downcast::<StrData>() {
                Some(needle) => Ok(haystack.contains(&*needle.value)),
                None => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name_of(item)
                ))),
            }
        }
        Kind::Bytes | Kind::ByteArray => crate::ops::bytes::contains(vm, container, item),
        Kind::Dict => Ok(dict_get(vm, container, item)?.is_some()),
        Kind::Set => crate::ops::sets::set_contains(vm, container, item),
        Kind::Range => range_contains(vm, container.downcast::<RangeData>().expect("range"), item),
        Kind::DictView => view_contains(vm, container.downcast::<DictViewData>().expect("view"), item),
        _ => iter_search(vm, container, item),
    }
}

/// Membership by iteration (CPython's `_PySequence_IterSearch`).
fn iter_search(vm: &mut Vm, container: StackRef, item: StackRef) -> PyResult<bool> {
    let it = match crate::ops::iter(vm, container) {
        Ok(it) => Handle::new(it),
        Err(e) if e.matches(ExcType::TypeError) => {
            return Err(type_error(format!("argument of type '{}' is not iterable", type_name_of(container))))
        }
        Err(e) => return Err(e),
    };
    while let Some(element) = crate::ops::next(vm, it.get())? {
        let element = Handle::new(element);
        if eq(vm, element.get(), item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `x in range(...)`: arithmetic for ints and bools, comparison with each element else.
fn range_contains(vm: &mut Vm, r: &RangeData, item: StackRef) -> PyResult<bool> {
    if let Some(i) = int_ref(item) {
        let Some(x) = i.as_i64() else { return Ok(false) };
        let (x, start, stop, step) = (x as i128, r.start as i128, r.stop as i128, r.step as i128);
        let inside = if step > 0 { start <= x && x < stop } else { stop < x && x <= start };
        return Ok(inside && (x - start) % step == 0);
    }
    let n = r.len();
    for k in 0..n {
        let value = new::int((r.start as i128 + k as i128 * r.step as i128) as i64);
        if eq(vm, value, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Membership in a dict view: keys by lookup, items by key lookup and value equality,
/// values by scanning.
fn view_contains(vm: &mut Vm, view: &DictViewData, item: StackRef) -> PyResult<bool> {
    match view.part {
        DictPart::Keys => Ok(dict_get(vm, view.dict, item)?.is_some()),
        DictPart::Items => {
            let Some(pair) = item.downcast::<TupleData>() else { return Ok(false) };
            if pair.items.len() != 2 {
                return Ok(false);
            }
            match dict_get(vm, view.dict, pair.items[0])? {
                Some(found) => {
                    let found = Handle::new(found);
                    eq(vm, found.get(), pair.items[1])
                }
                None => Ok(false),
            }
        }
        DictPart::Values => {
            let values: Vec<Handle> = view
                .dict
                .downcast::<DictData>()
                .expect("dict")
                .items()
                .into_iter()
                .map(|(_, v)| Handle::new(v))
                .collect();
            for v in values {
                if eq(vm, v.get(), item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}
