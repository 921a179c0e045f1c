//! Methods of dict: get, keys, values, items, pop, setdefault, update, copy, clear,
//! popitem, fromkeys (a classmethod) and `__init__`, plus the update logic shared
//! with the dict constructor.

use crate::builtins::args::{check_positional, kw_name, no_args, no_keywords, receiver};
use crate::builtins::values::{dict_data, dict_find, dict_lookup, dict_store, dict_store_hashed};
use crate::heap::{self, Handle};
use crate::objects::dict::DictData;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::iterators::{DictPart, DictViewData};
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::tuple::TupleData;
use crate::ops;
use crate::runtime::errors::{key_error, type_error, value_error, ExcType, PyErr};
use crate::runtime::types::{none, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub(crate) const DICT_METHODS: &[(&str, BuiltinFn)] = &[
    ("get", dict_get),
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("pop", dict_pop),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("copy", dict_copy),
    ("clear", dict_clear),
    ("popitem", dict_popitem),
    ("__init__", dict_init),
];

fn this_dict<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, &'static DictData, Args<'a>)> {
    receiver::<DictData>(args, "dict", method)
}

fn dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = this_dict(args, "get")?;
    no_keywords("get", &rest)?;
    let pos = rest.pos();
    check_positional("get", pos.len(), 1, 2)?;
    match dict_lookup(vm, this, pos[0])? {
        Some(v) => Ok(v),
        None => Ok(pos.get(1).copied().unwrap_or_else(none)),
    }
}

fn view(this: StackRef, part: DictPart) -> StackRef {
    let ty = match part {
        DictPart::Keys => types().dict_keys,
        DictPart::Values => types().dict_values,
        DictPart::Items => types().dict_items,
    };
    heap::incref(this);
    heap::alloc(ty, DictViewData { dict: this, part })
}

fn dict_keys(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = this_dict(args, "keys")?;
    no_args("dict.keys", &rest)?;
    Ok(view(this, DictPart::Keys))
}

fn dict_values(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = this_dict(args, "values")?;
    no_args("dict.values", &rest)?;
    Ok(view(this, DictPart::Values))
}

fn dict_items(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = this_dict(args, "items")?;
    no_args("dict.items", &rest)?;
    Ok(view(this, DictPart::Items))
}

fn dict_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this_dict(args, "pop")?;
    no_keywords("pop", &rest)?;
    let pos = rest.pos();
    check_positional("pop", pos.len(), 1, 2)?;
    let key = pos[0];
    let hash = ops::hash(vm, key)?;
    match dict_find(vm, this, key, hash)? {
        Some(i) => {
            let (k, v) = data.remove_at(i);
            heap::decref(k);
            // Not freed before the caller stores it (no safepoint in between).
            heap::decref(v);
            Ok(v)
        }
        None => match pos.get(1) {
            Some(default) => Ok(*default),
            None => Err(key_error(key)),
        },
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this_dict(args, "setdefault")?;
    no_keywords("setdefault", &rest)?;
    let pos = rest.pos();
    check_positional("setdefault", pos.len(), 1, 2)?;
    let key = pos[0];
    let default = pos.get(1).copied().unwrap_or_else(none);
    let hash = ops::hash(vm, key)?;
    match dict_find(vm, this, key, hash)? {
        Some(i) => Ok(data.value_at(i).unwrap_or(default)),
        None => {
            data.insert_new(hash, key, default);
            Ok(default)
        }
    }
}

/// Live (hash, key, value) entries of a dict, copied out.
fn entries(data: &DictData) -> Vec<(i64, StackRef, StackRef)> {
    let mut out = Vec::with_capacity(data.len());
    let mut pos = 0;
    while let Some((next, entry)) = data.next_entry(pos) {
        out.push((entry.hash, entry.key, entry.value));
        pos = next;
    }
    out
}

/// `dict.update(other)` for one positional argument: a dict, an object with
/// `keys()`, or an iterable of pairs.
pub(crate) fn update_from(vm: &mut Vm, dict: StackRef, other: StackRef) -> PyResult<()> {
    if let Some(source) = other.downcast::<DictData>() {
        let pairs = entries(source);
        let _held: Vec<Handle> = pairs.iter().flat_map(|(_, k, v)| [Handle::new(*k), Handle::new(*v)]).collect();
        let target = dict_data(dict);
        let was_empty = target.is_empty();
        for (hash, key, value) in pairs {
            if was_empty {
                // Keys of one dict are distinct: no comparison needed while filling an empty dict.
                target.insert_new(hash, key, value);
                continue;
            }
            dict_store_hashed(vm, dict, key, hash, value)?;
        }
        return Ok(());
    }
    let is_sequence = other.downcast::<ListData>().is_some() || other.downcast::<TupleData>().is_some();
    if !is_sequence {
        match vm.get_attr(other, new::intern("keys")) {
            Ok(keys_method) => {
                let keys_method = Handle::new(keys_method);
                let keys = Handle::new(vm.call(keys_method.get(), &[])?);
                return crate::builtins::values::for_each(vm, keys.get(), |vm, key| {
                    let value = Handle::new(ops::getitem(vm, other, key)?);
                    dict_store(vm, dict, key, value.get())?;
                    Ok(true)
                });
            }
            Err(e) if e.matches(ExcType::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    let mut index = 0usize;
    crate::builtins::values::for_each(vm, other, |vm, item| {
        let pair: Vec<Handle> = match crate::builtins::values::sequence_items(item) {
            Some(values) => crate::heap::handles(&values),
            None => match ops::collect(vm, item) {
                Ok(values) => values,
                Err(e) if e.matches(ExcType::TypeError) => {
                    return Err(type_error(format!(
                        "cannot convert dictionary update sequence element #{index} to a sequence"
                    )))
                }
                Err(e) => return Err(e),
            },
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                pair.len()
            )));
        }
        dict_store(vm, dict, pair[0].get(), pair[1].get())?;
        index += 1;
        Ok(true)
    })
}

/// Stores keyword arguments into a dict.
pub(crate) fn update_from_keywords(vm: &mut Vm, dict: StackRef, args: &Args<'_>) -> PyResult<()> {
    for (name, value) in args.kw() {
        let key = new::intern(kw_name(name));
        dict_store(vm, dict, key, value)?;
    }
    Ok(())
}

fn dict_update(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = this_dict(args, "update")?;
    check_positional("update", rest.pos().len(), 0, 1)?;
    if let Some(other) = rest.pos().first() {
        update_from(vm, this, *other)?;
    }
    update_from_keywords(vm, this, &rest)?;
    Ok(none())
}

fn dict_init(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = this_dict(args, "__init__")?;
    check_positional("dict", rest.pos().len(), 0, 1)?;
    if let Some(other) = rest.pos().first() {
        update_from(vm, this, *other)?;
    }
    update_from_keywords(vm, this, &rest)?;
    Ok(none())
}

/// A plain dict with the same entries.
pub(crate) fn copy_dict(data: &DictData) -> StackRef {
    let copy = new::dict();
    let target = copy.downcast::<DictData>().expect("dict");
    for (hash, key, value) in entries(data) {
        target.insert_new(hash, key, value);
    }
    copy
}

fn dict_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this_dict(args, "copy")?;
    no_args("dict.copy", &rest)?;
    Ok(copy_dict(data))
}

fn dict_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this_dict(args, "clear")?;
    no_args("dict.clear", &rest)?;
    data.clear();
    Ok(none())
}

fn dict_popitem(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this_dict(args, "popitem")?;
    no_args("dict.popitem", &rest)?;
    let last = {
        let table = data.table.borrow();
        table.entries.iter().rposition(|e| !e.key.is_null())
    };
    match last {
        None => Err(PyErr::with_args(ExcType::KeyError, &[new::str("popitem(): dictionary is empty")])),
        Some(i) => {
            let (k, v) = data.remove_at(i);
            let pair = new::tuple(vec![k, v]);
            heap::decref(k);
            heap::decref(v);
            Ok(pair)
        }
    }
}

/// `dict.fromkeys(iterable, value=None)`, a classmethod: receives the class first.
pub(crate) fn dict_fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("fromkeys", &args)?;
    let pos = args.pos();
    if pos.is_empty() {
        return Err(type_error("descriptor 'fromkeys' of 'dict' object needs an argument"));
    }
    let cls = pos[0];
    check_positional("fromkeys", pos.len() - 1, 1, 2)?;
    let iterable = pos[1];
    let value = pos.get(2).copied().unwrap_or_else(none);
    let result = if cls == types().dict { new::dict() } else { vm.call(cls, &[])? };
    let result = Handle::new(result);
    let target = result.get();
    let plain = target.downcast::<DictData>().is_some() && crate::runtime::types::type_of(target) == types().dict;
    crate::builtins::values::for_each(vm, iterable, |vm, key| {
        if plain {
            dict_store(vm, target, key, value)?;
        } else {
            ops::setitem(vm, target, key, value)?;
        }
        Ok(true)
    })?;
    Ok(result.get())
}
