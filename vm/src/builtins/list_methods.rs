//! Methods of list and tuple: append, pop, insert, extend, remove, index, count,
//! reverse, sort, copy, clear (and `list.__init__` for subclasses).
//!
//! Items are counted references: storing one increfs it, removing one decrefs it.
//! No RefCell borrow of the items is held while Python code runs.

use std::cmp::Ordering;

use crate::builtins::args::{check_positional, exactly_one, no_args, no_keywords, not_none, parse, receiver};
use crate::builtins::sort::timsort;
use crate::builtins::values::{
    collect_items, float_value, index_i64, sequence_items, slice_index, str_data, values_equal,
};
use crate::heap::{self, Handle};
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::tuple::TupleData;
use crate::ops;
use crate::runtime::errors::{index_error, value_error};
use crate::runtime::types::{none, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub(crate) const LIST_METHODS: &[(&str, BuiltinFn)] = &[
    ("append", list_append),
    ("pop", list_pop),
    ("insert", list_insert),
    ("extend", list_extend),
    ("remove", list_remove),
    ("index", list_index),
    ("count", list_count),
    ("reverse", list_reverse),
    ("sort", list_sort),
    ("copy", list_copy),
    ("clear", list_clear),
    ("__init__", list_init),
];

pub(crate) const TUPLE_METHODS: &[(&str, BuiltinFn)] = &[("index", tuple_index), ("count", tuple_count)];

fn this_list<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, &'static ListData, Args<'a>)> {
    receiver::<ListData>(args, "list", method)
}

/// The item at `index` (copied out of the list), if the list is still that long.
fn item_at(list: &ListData, index: usize) -> Option<StackRef> {
    list.items.borrow().get(index).copied()
}

/// Appends values to a list, taking counted references.
pub(crate) fn list_push_all(list: &ListData, values: &[StackRef]) {
    for v in values {
        heap::incref(*v);
    }
    list.items.borrow_mut().extend_from_slice(values);
}

/// Replaces a list's items with `values` (counted), releasing the old ones.
pub(crate) fn list_replace_all(list: &ListData, values: &[StackRef]) {
    for v in values {
        heap::incref(*v);
    }
    let old = std::mem::replace(&mut *list.items.borrow_mut(), values.to_vec());
    for v in old {
        heap::decref(v);
    }
}

fn list_append(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "append")?;
    let value = exactly_one("list.append", &rest)?;
    heap::incref(value);
    list.items.borrow_mut().push(value);
    Ok(none())
}

fn list_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "pop")?;
    no_keywords("pop", &rest)?;
    check_positional("pop", rest.pos().len(), 0, 1)?;
    let index = match rest.pos().first() {
        Some(i) => index_i64(vm, *i)?,
        None => -1,
    };
    let mut items = list.items.borrow_mut();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let len = items.len() as i64;
    let i = if index < 0 { index + len } else { index };
    if i < 0 || i >= len {
        return Err(index_error("pop index out of range"));
    }
    let value = items.remove(i as usize);
    drop(items);
    // The count goes to zero but the value is not freed before the caller stores it.
    heap::decref(value);
    Ok(value)
}

fn list_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "insert")?;
    no_keywords("insert", &rest)?;
    check_positional("insert", rest.pos().len(), 2, 2)?;
    let index = index_i64(vm, rest.pos()[0])?;
    let value = rest.pos()[1];
    let mut items = list.items.borrow_mut();
    let len = items.len() as i64;
    let i = if index < 0 { (index + len).max(0) } else { index.min(len) };
    heap::incref(value);
    items.insert(i as usize, value);
    Ok(none())
}

fn list_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "extend")?;
    let iterable = exactly_one("list.extend", &rest)?;
    if let Some(values) = sequence_items(iterable) {
        list_push_all(list, &values);
        return Ok(none());
    }
    let values = ops::collect(vm, iterable)?;
    let values: Vec<StackRef> = values.iter().map(Handle::get).collect();
    list_push_all(list, &values);
    Ok(none())
}

fn list_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "remove")?;
    let value = exactly_one("list.remove", &rest)?;
    let mut i = 0;
    while let Some(item) = item_at(list, i) {
        let item = Handle::new(item);
        if values_equal(vm, item.get(), value)? {
            let mut items = list.items.borrow_mut();
            if i < items.len() {
                let removed = items.remove(i);
                drop(items);
                heap::decref(removed);
            }
            return Ok(none());
        }
        i += 1;
    }
    Err(value_error("list.remove(x): x not in list"))
}

/// Start and stop of an index() search, adjusted to the sequence length.
fn search_bounds(vm: &mut Vm, start: Option<StackRef>, stop: Option<StackRef>, len: usize) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let adjust = |v: i64| if v < 0 { (v + len).max(0) } else { v };
    let start = slice_index(vm, start)?.map(adjust).unwrap_or(0);
    let stop = slice_index(vm, stop)?.map(adjust).unwrap_or(i64::MAX);
    Ok((start as usize, stop.max(0) as usize))
}

fn list_index(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "index")?;
    no_keywords("index", &rest)?;
    let pos = rest.pos();
    check_positional("index", pos.len(), 1, 3)?;
    let value = pos[0];
    let len = list.items.borrow().len();
    let (start, stop) = search_bounds(vm, pos.get(1).copied(), pos.get(2).copied(), len)?;
    let mut i = start;
    while i < stop {
        let Some(item) = item_at(list, i) else { break };
        let item = Handle::new(item);
        if values_equal(vm, item.get(), value)? {
            return Ok(new::int(i as i64));
        }
        i += 1;
    }
    let text = ops::repr_string(vm, value)?;
    Err(value_error(format!("{text} is not in list")))
}

fn list_count(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "count")?;
    let value = exactly_one("list.count", &rest)?;
    let mut count = 0;
    let mut i = 0;
    while let Some(item) = item_at(list, i) {
        let item = Handle::new(item);
        if values_equal(vm, item.get(), value)? {
            count += 1;
        }
        i += 1;
    }
    Ok(new::int(count))
}

fn list_reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "reverse")?;
    no_args("list.reverse", &rest)?;
    list.items.borrow_mut().reverse();
    Ok(none())
}

fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = this_list(args, "sort")?;
    let [key, reverse] = parse("sort", &rest, ["key", "reverse"], 0, 0, 0)?;
    let reverse = match reverse {
        Some(r) => ops::truthy(vm, r)?,
        None => false,
    };
    sort_list(vm, this, not_none(key), reverse)?;
    Ok(none())
}

fn list_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "copy")?;
    no_args("list.copy", &rest)?;
    let items = list.items.borrow().clone();
    Ok(new::list(items))
}

fn list_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "clear")?;
    no_args("list.clear", &rest)?;
    let old = std::mem::take(&mut *list.items.borrow_mut());
    for v in old {
        heap::decref(v);
    }
    Ok(none())
}

/// `list.__init__(self, iterable=())`: used by subclasses that define `__init__`.
fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, list, rest) = this_list(args, "__init__")?;
    no_keywords("list", &rest)?;
    check_positional("list", rest.pos().len(), 0, 1)?;
    match rest.pos().first() {
        None => list_replace_all(list, &[]),
        Some(iterable) => {
            let values = collect_items(vm, *iterable)?;
            let values: Vec<StackRef> = values.iter().map(Handle::get).collect();
            list_replace_all(list, &values);
        }
    }
    Ok(none())
}

/// `a < b` without Python code for ints, floats and strs of the builtin types, and for
/// tuples whose items up to the deciding one are such atoms.
fn fast_lt(a: StackRef, b: StackRef) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.downcast::<TupleData>(), b.downcast::<TupleData>()) {
        let t = types().tuple;
        return if type_of(a) == t && type_of(b) == t { fast_tuple_lt(x, y) } else { None };
    }
    fast_atom_lt(a, b)
}

/// `a < b` without Python code for ints, floats and strs of the builtin types.
fn fast_atom_lt(a: StackRef, b: StackRef) -> Option<bool> {
    if a.is_small_int() && b.is_small_int() {
        return Some(a.small_int_value() < b.small_int_value());
    }
    let t = types();
    let (ta, tb) = (type_of(a), type_of(b));
    if ta != tb {
        return None;
    }
    if ta == t.float {
        return Some(float_value(a)? < float_value(b)?);
    }
    if ta == t.str_ {
        return Some(str_data(a)?.value.cmp(&str_data(b)?.value) == Ordering::Less);
    }
    None
}

/// `a == b` without Python code, for the atoms `fast_lt` orders.
fn fast_eq(a: StackRef, b: StackRef) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    let t = types();
    let (ta, tb) = (type_of(a), type_of(b));
    if ta != tb {
        return None;
    }
    if ta == t.float {
        return Some(float_value(a)? == float_value(b)?);
    }
    if ta == t.str_ {
        return Some(str_data(a)?.value == str_data(b)?.value);
    }
    None
}

/// Tuple `<` as CPython's: at the first index whose items differ (identity, then `==`)
/// the items' `<` decides; otherwise the shorter tuple is less. `None` as soon as an
/// item needs Python code (nested tuples included, so this never recurses), and the
/// caller then runs the general comparison from the start.
fn fast_tuple_lt(a: &TupleData, b: &TupleData) -> Option<bool> {
    for (x, y) in a.items.iter().zip(b.items.iter()) {
        if !fast_eq(*x, *y)? {
            return fast_atom_lt(*x, *y);
        }
    }
    Some(a.items.len() < b.items.len())
}

/// `a < b` as sorting uses it.
pub(crate) fn sort_lt(vm: &mut Vm, a: StackRef, b: StackRef) -> PyResult<bool> {
    match fast_lt(a, b) {
        Some(r) => Ok(r),
        None => ops::lt(vm, a, b),
    }
}

/// Sorts a list in place like CPython's `list.sort`: the list is empty while the
/// sort runs, keys are computed first, the sort is stable (reverse sorts reverse,
/// sort, and reverse again), and a list changed during the sort raises ValueError.
pub(crate) fn sort_list(vm: &mut Vm, list_value: StackRef, key: Option<StackRef>, reverse: bool) -> PyResult<()> {
    let list = list_value.downcast::<ListData>().expect("a list");
    let _keep_list = Handle::new(list_value);
    // The saved items keep the counted references the list held.
    let saved: Vec<StackRef> = std::mem::take(&mut *list.items.borrow_mut());
    let n = saved.len();

    let mut keys: Vec<Handle> = Vec::new();
    let mut result: PyResult<()> = Ok(());
    if let Some(key_fn) = key {
        keys.reserve(n);
        for item in &saved {
            match vm.call(key_fn, &[*item]) {
                Ok(k) => keys.push(Handle::new(k)),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        if result.is_err() {
            drop(keys);
            restore_after_sort(list, saved);
            return result;
        }
    }

    let mut order: Vec<usize> = (0..n).collect();
    if n > 1 {
        if reverse {
            order.reverse();
        }
        let key_values: Vec<StackRef> =
            if key.is_some() { keys.iter().map(Handle::get).collect() } else { saved.clone() };
        result = timsort(vm, &mut order, &mut |vm, a, b| sort_lt(vm, key_values[a], key_values[b]));
        if reverse {
            order.reverse();
        }
    }
    drop(keys);
    let sorted: Vec<StackRef> = order.iter().map(|&i| saved[i]).collect();
    let modified = restore_after_sort(list, sorted);
    if modified && result.is_ok() {
        return Err(value_error("list modified during sort"));
    }
    result
}

/// Puts the (sorted) items back, releasing whatever was stored in the list meanwhile.
/// Returns whether the list was modified during the sort.
fn restore_after_sort(list: &ListData, items: Vec<StackRef>) -> bool {
    let meanwhile = std::mem::replace(&mut *list.items.borrow_mut(), items);
    let modified = meanwhile.capacity() != 0;
    for v in meanwhile {
        heap::decref(v);
    }
    modified
}

fn this_tuple<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, &'static TupleData, Args<'a>)> {
    receiver::<TupleData>(args, "tuple", method)
}

fn tuple_index(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, tuple, rest) = this_tuple(args, "index")?;
    no_keywords("index", &rest)?;
    let pos = rest.pos();
    check_positional("index", pos.len(), 1, 3)?;
    let value = pos[0];
    let (start, stop) = search_bounds(vm, pos.get(1).copied(), pos.get(2).copied(), tuple.items.len())?;
    for i in start..stop.min(tuple.items.len()) {
        if values_equal(vm, tuple.items[i], value)? {
            return Ok(new::int(i as i64));
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, tuple, rest) = this_tuple(args, "count")?;
    let value = exactly_one("tuple.count", &rest)?;
    let mut count = 0;
    for item in tuple.items.iter() {
        if values_equal(vm, *item, value)? {
            count += 1;
        }
    }
    Ok(new::int(count))
}
