//! Building values: tuples, lists, dicts, sets, slices, strings, f-string pieces, and
//! unpacking sequences onto the stack.

use crate::heap::{self, Handle};
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::slice::SliceData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::runtime::errors::value_error;
use crate::runtime::types::types;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub fn build_tuple(values: &[StackRef]) -> StackRef {
    new::tuple(values.to_vec())
}

pub fn build_list(values: &[StackRef]) -> StackRef {
    new::list(values.to_vec())
}

pub fn build_map(vm: &mut Vm, values: &[StackRef]) -> PyResult<StackRef> {
    let dict = Handle::new(new::dict());
    for pair in values.chunks(2) {
        crate::ops::dict_set(vm, dict.get(), pair[0], pair[1])?;
    }
    Ok(dict.get())
}

pub fn build_slice(values: &[StackRef]) -> StackRef {
    let step = if values.len() == 3 { values[2] } else { types().none };
    for v in [values[0], values[1], step] {
        heap::incref(v);
    }
    heap::alloc(types().slice, SliceData { start: values[0], stop: values[1], step })
}

pub fn build_string(pieces: &[StackRef]) -> StackRef {
    let mut s = String::new();
    for piece in pieces {
        if let Some(p) = piece.downcast::<StrData>() {
            s.push_str(&p.value);
        }
    }
    new::string(s)
}

pub fn list_append(list: StackRef, value: StackRef) {
    let list = list.downcast::<ListData>().expect("LIST_APPEND on a list");
    heap::incref(value);
    list.items.borrow_mut().push(value);
}

pub fn list_extend(vm: &mut Vm, list: StackRef, iterable: StackRef) -> PyResult<()> {
    let items = crate::ops::collect(vm, iterable)?;
    let list = list.downcast::<ListData>().expect("LIST_EXTEND on a list");
    let mut dest = list.items.borrow_mut();
    for item in items {
        heap::incref(item.get());
        dest.push(item.get());
    }
    Ok(())
}

pub fn build_set(vm: &mut Vm, values: &[StackRef]) -> PyResult<StackRef> {
    let set = Handle::new(crate::ops::sets::new_set(false));
    for value in values {
        crate::ops::sets::set_add(vm, set.get(), *value)?;
    }
    Ok(set.get())
}

pub fn set_add(vm: &mut Vm, set: StackRef, value: StackRef) -> PyResult<()> {
    crate::ops::sets::set_add(vm, set, value)
}

pub fn set_update(vm: &mut Vm, set: StackRef, iterable: StackRef) -> PyResult<()> {
    crate::ops::sets::set_update(vm, set, iterable)
}

/// `{**update}`: a dict, or any object with a `keys` method (CPython's PyDict_Update).
pub fn dict_update(vm: &mut Vm, dict: StackRef, update: StackRef) -> PyResult<()> {
    let is_mapping = update.kind() == crate::objects::kind::Kind::Dict
        || match vm.get_attr_str(update, "keys") {
            Ok(_) => true,
            Err(e) if e.matches(crate::runtime::errors::ExcType::AttributeError) => false,
            Err(e) => return Err(e),
        };
    if !is_mapping {
        return Err(crate::runtime::errors::type_error(format!(
            "'{}' object is not a mapping",
            crate::runtime::types::type_name_of(update)
        )));
    }
    crate::ops::dict_update(vm, dict, update)
}

/// A call's `**update`: merges it into the call's keyword dict. A key already there is
/// CPython's "got multiple values for keyword argument" and anything that is not a
/// mapping its "argument after ** must be a mapping", both naming the callable.
pub fn dict_merge(vm: &mut Vm, callable: StackRef, dict: StackRef, update: StackRef) -> PyResult<()> {
    use crate::runtime::errors::{type_error, ExcType, PyErr};
    let is_mapping = update.kind() == crate::objects::kind::Kind::Dict
        || match vm.get_attr_str(update, "keys") {
            Ok(_) => true,
            Err(e) if e.matches(ExcType::AttributeError) => false,
            Err(e) => return Err(e),
        };
    if !is_mapping {
        let callee = crate::runtime::call::function_str(vm, callable)?;
        return Err(type_error(format!(
            "{callee} argument after ** must be a mapping, not {}",
            crate::runtime::types::type_name_of(update)
        )));
    }
    let pairs: Vec<(Handle, Handle)> = match update.downcast::<crate::objects::dict::DictData>() {
        Some(source) if crate::runtime::types::type_of(update) == crate::runtime::types::types().dict => {
            source.counted_entries().into_iter().map(|(_, key, value)| (key, value)).collect()
        }
        _ => {
            let keys = Handle::new(vm.call_method(update, "keys", &[])?);
            let keys = crate::ops::collect(vm, keys.get())?;
            let mut pairs = Vec::with_capacity(keys.len());
            for key in keys {
                let value = Handle::new(crate::ops::getitem(vm, update, key.get())?);
                pairs.push((key, value));
            }
            pairs
        }
    };
    for (key, value) in pairs {
        if crate::ops::dict_get(vm, dict, key.get())?.is_some() {
            if let Some(name) = key.get().downcast::<StrData>() {
                let callee = crate::runtime::call::function_str(vm, callable)?;
                return Err(type_error(format!("{callee} got multiple values for keyword argument '{}'", name.value)));
            }
            return Err(PyErr::with_args(ExcType::KeyError, &[key.get()]));
        }
        crate::ops::dict_set(vm, dict, key.get(), value.get())?;
    }
    Ok(())
}

pub fn map_add(vm: &mut Vm, dict: StackRef, key: StackRef, value: StackRef) -> PyResult<()> {
    crate::ops::dict_set(vm, dict, key, value)
}

pub fn list_to_tuple(list: StackRef) -> StackRef {
    let items = list.downcast::<ListData>().expect("a list").items.borrow().clone();
    new::tuple(items)
}

pub fn format_value(vm: &mut Vm, oparg: u32, value: StackRef, spec: &[StackRef]) -> PyResult<StackRef> {
    let converted = match oparg & 3 {
        1 => crate::ops::str(vm, value)?,
        2 | 3 => crate::ops::repr(vm, value)?,
        _ => value,
    };
    let spec_text = spec.first().and_then(|s| s.downcast::<StrData>()).map(|s| s.value.to_string()).unwrap_or_default();
    if spec_text.is_empty() && converted.downcast::<StrData>().is_some() {
        return Ok(converted);
    }
    let keep = Handle::new(converted);
    crate::ops::format(vm, keep.get(), &spec_text)
}

fn unpack_error(expected: usize, got: usize) -> crate::PyErr {
    if got > expected {
        value_error(format!("too many values to unpack (expected {expected})"))
    } else {
        value_error(format!("not enough values to unpack (expected {expected}, got {got})"))
    }
}

/// Writes `items` so that the first ends on top: `values` is bottom first.
fn write_reversed(values: &mut [StackRef], items: &[StackRef]) {
    let n = items.len();
    for (i, item) in items.iter().enumerate() {
        values[n - 1 - i] = *item;
    }
}

pub fn unpack_sequence(vm: &mut Vm, oparg: u32, seq: StackRef, values: &mut [StackRef]) -> PyResult<()> {
    let n = oparg as usize;
    let items = crate::ops::collect(vm, seq)?;
    if items.len() != n {
        return Err(unpack_error(n, items.len()));
    }
    let raw: Vec<StackRef> = items.iter().map(Handle::get).collect();
    write_reversed(values, &raw);
    Ok(())
}

#[inline(always)]
pub fn unpack_sequence_two_tuple(seq: StackRef) -> Option<(StackRef, StackRef)> {
    let t = seq.downcast::<TupleData>()?;
    if t.items.len() == 2 {
        Some((t.items[1], t.items[0]))
    } else {
        None
    }
}

pub fn unpack_sequence_tuple(oparg: u32, seq: StackRef, values: &mut [StackRef]) -> Option<()> {
    let t = seq.downcast::<TupleData>()?;
    if t.items.len() != oparg as usize {
        return None;
    }
    write_reversed(values, &t.items);
    Some(())
}

pub fn unpack_sequence_list(oparg: u32, seq: StackRef, values: &mut [StackRef]) -> Option<()> {
    let l = seq.downcast::<ListData>()?;
    let items = l.items.borrow();
    if items.len() != oparg as usize {
        return None;
    }
    write_reversed(values, &items);
    Some(())
}

pub fn unpack_ex(vm: &mut Vm, oparg: u32, seq: StackRef, values: &mut [StackRef]) -> PyResult<()> {
    let before = (oparg & 0xff) as usize;
    let after = (oparg >> 8) as usize;
    let items = crate::ops::collect(vm, seq)?;
    if items.len() < before + after {
        return Err(value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let raw: Vec<StackRef> = items.iter().map(Handle::get).collect();
    let middle = new::list(raw[before..raw.len() - after].to_vec());
    let mut ordered: Vec<StackRef> = raw[..before].to_vec();
    ordered.push(middle);
    ordered.extend_from_slice(&raw[raw.len() - after..]);
    write_reversed(values, &ordered);
    Ok(())
}
