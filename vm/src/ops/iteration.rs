//! The iterator protocol: `iter(v)` (builtin iterators for list, tuple, str, dict, dict
//! views and range; iterators are their own iterators; user `__iter__`) and `next(it)`
//! for every builtin iterator kind (including enumerate, zip, reversed, map and filter)
//! and user `__next__` (StopIteration becomes `None`); plus `collect`.

use std::cell::{Cell, RefCell};

use crate::heap::{self, Handle};
use crate::objects::dict::DictData;
use crate::objects::iterators::{
    DictIterData, DictPart, DictViewData, EnumerateData, FilterData, ListIterData, MapData, ReversedData, SeqIterData,
    StrIterData, TupleIterData, ZipData,
};
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::range::{RangeData, RangeIterData};
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops::slots::{call_method, find_special, is_builtin_type, Special};
use crate::runtime::errors::{type_error, ExcType, PyErr};
use crate::runtime::types::{none, type_data, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

thread_local! {
    static ASCII_CHARS: RefCell<Vec<StackRef>> = const { RefCell::new(Vec::new()) };
}

/// The one-character str for `c` (shared, immortal objects for ASCII).
pub(crate) fn char_str(c: char) -> StackRef {
    if c.is_ascii() {
        let cached = ASCII_CHARS.with(|cache| cache.borrow().get(c as usize).copied());
        if let Some(v) = cached {
            return v;
        }
        let all: Vec<StackRef> = (0u8..128).map(|b| new::intern(&(b as char).to_string())).collect();
        let v = all[c as usize];
        ASCII_CHARS.with(|cache| *cache.borrow_mut() = all);
        return v;
    }
    let mut buf = [0u8; 4];
    new::str(c.encode_utf8(&mut buf))
}

/// Whether the kind is one of the builtin iterators.
fn is_iterator_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::ListIter
            | Kind::TupleIter
            | Kind::StrIter
            | Kind::BytesIter
            | Kind::DictIter
            | Kind::SetIter
            | Kind::RangeIter
            | Kind::Enumerate
            | Kind::Zip
            | Kind::Reversed
            | Kind::Map
            | Kind::Filter
    )
}

/// Whether `v` is one of the builtin iterators `next` handles without a method call.
pub fn is_builtin_iterator(v: StackRef) -> bool {
    is_iterator_kind(v.kind())
}

/// Whether `v` is an iterator: a builtin iterator, or its type has `__next__`.
pub fn is_iterator(vm: &Vm, v: StackRef) -> bool {
    is_iterator_kind(v.kind()) || vm.lookup_special(v, "__next__").is_some()
}

/// `iter(v)`.
pub fn iter(vm: &mut Vm, v: StackRef) -> PyResult<StackRef> {
    let ty = type_of(v);
    if type_data(ty).is_heap_type {
        if let Special::User(method) = find_special(ty, "__iter__") {
            if method == none() {
                return Err(not_iterable(v));
            }
            let r = call_method(vm, method, v, &[])?;
            if !is_iterator(vm, r) {
                return Err(type_error(format!("iter() returned non-iterator of type '{}'", type_name_of(r))));
            }
            return Ok(r);
        }
    }
    native_iter(vm, v)
}

fn seq_iter(seq: StackRef) -> SeqIterData {
    heap::incref(seq);
    SeqIterData { seq, index: Cell::new(0) }
}

/// A new iterator over a dict's keys, values or items.
pub(crate) fn dict_iter(dict: StackRef, part: DictPart) -> StackRef {
    let len_at_start = dict.downcast::<DictData>().map(|d| d.len()).unwrap_or(0);
    heap::incref(dict);
    heap::alloc(types().dict_keyiterator, DictIterData { dict, pos: Cell::new(0), part, len_at_start })
}

fn not_iterable(v: StackRef) -> PyErr {
    type_error(format!("'{}' object is not iterable", type_name_of(v)))
}

fn native_iter(vm: &mut Vm, v: StackRef) -> PyResult<StackRef> {
    let t = types();
    match v.kind() {
        Kind::List => Ok(heap::alloc(t.list_iterator, ListIterData(seq_iter(v)))),
        Kind::Tuple => Ok(heap::alloc(t.tuple_iterator, TupleIterData(seq_iter(v)))),
        Kind::Str => {
            heap::incref(v);
            Ok(heap::alloc(t.str_iterator, StrIterData { string: v, index: Cell::new(0) }))
        }
        Kind::Bytes | Kind::ByteArray => Ok(crate::ops::bytes::iter(v)),
        Kind::Dict => Ok(dict_iter(v, DictPart::Keys)),
        Kind::Set => Ok(crate::ops::sets::set_iter(v)),
        Kind::DictView => {
            let view = v.downcast::<DictViewData>().expect("dict view");
            Ok(dict_iter(view.dict, view.part))
        }
        Kind::Range => {
            let r = v.downcast::<RangeData>().expect("range");
            Ok(heap::alloc(
                t.range_iterator,
                RangeIterData { next: Cell::new(r.start), step: r.step, remaining: Cell::new(r.len()) },
            ))
        }
        kind if is_iterator_kind(kind) => Ok(v),
        _ if crate::ops::slots::user_method(v, "__getitem__").is_some() => {
            // The old sequence protocol: v[0], v[1], ... until IndexError.
            Ok(heap::alloc(t.list_iterator, ListIterData(seq_iter(v))))
        }
        Kind::Instance | Kind::Exception | Kind::SmallInt | Kind::BigInt | Kind::Bool | Kind::Float | Kind::None => {
            Err(not_iterable(v))
        }
        _ => {
            // Other builtin kinds (e.g. generators): iterators return themselves, other
            // types may provide `__iter__` in their type dict.
            if vm.lookup_special(v, "__next__").is_some() {
                return Ok(v);
            }
            match vm.call_special(v, "__iter__", &[])? {
                Some(r) => Ok(r),
                None => Err(not_iterable(v)),
            }
        }
    }
}

/// `next(it)`: `Ok(None)` when the iterator is exhausted. The item is uncounted for the
/// caller (valid until the next safepoint).
pub fn next(vm: &mut Vm, it: StackRef) -> PyResult<Option<StackRef>> {
    match it.kind() {
        Kind::ListIter => {
            let data = &it.downcast::<ListIterData>().expect("list iterator").0;
            let index = data.index.get();
            let Some(list) = data.seq.downcast::<ListData>() else { return sequence_iter_next(vm, data) };
            let item = list.items.borrow().get(index).copied();
            match item {
                Some(v) => {
                    data.index.set(index + 1);
                    Ok(Some(v))
                }
                None => {
                    data.index.set(usize::MAX);
                    Ok(None)
                }
            }
        }
        Kind::TupleIter => {
            let data = &it.downcast::<TupleIterData>().expect("tuple iterator").0;
            let index = data.index.get();
            let item = data.seq.downcast::<TupleData>().and_then(|t| t.items.get(index).copied());
            if item.is_some() {
                data.index.set(index + 1);
            }
            Ok(item)
        }
        Kind::BytesIter => Ok(crate::ops::bytes::next(it)),
        Kind::StrIter => {
            let data = it.downcast::<StrIterData>().expect("str iterator");
            let s = &data.string.downcast::<StrData>().expect("str").value;
            let index = data.index.get();
            match s.get(index..).and_then(|rest| rest.chars().next()) {
                Some(c) => {
                    data.index.set(index + c.len_utf8());
                    Ok(Some(char_str(c)))
                }
                None => Ok(None),
            }
        }
        Kind::RangeIter => {
            let data = it.downcast::<RangeIterData>().expect("range iterator");
            let remaining = data.remaining.get();
            if remaining <= 0 {
                return Ok(None);
            }
            let value = data.next.get();
            data.remaining.set(remaining - 1);
            data.next.set(value.wrapping_add(data.step));
            Ok(Some(new::int(value)))
        }
        Kind::DictIter => dict_iter_next(it.downcast::<DictIterData>().expect("dict iterator")),
        Kind::SetIter => crate::ops::sets::set_iter_next(it.downcast().expect("set iterator")),
        Kind::Generator if crate::runtime::generators::is_plain_generator(it) => vm.generator_next(it),
        Kind::Enumerate => {
            let data = it.downcast::<EnumerateData>().expect("enumerate");
            let Some(item) = next(vm, data.iter)? else { return Ok(None) };
            let count = data.count.get();
            data.count.set(count.saturating_add(1));
            Ok(Some(new::tuple(vec![new::int(count), item])))
        }
        Kind::Zip => {
            let data = it.downcast::<ZipData>().expect("zip");
            if data.iters.is_empty() {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(data.iters.len());
            for inner in data.iters.iter() {
                match next(vm, *inner)? {
                    Some(v) => items.push(Handle::new(v)),
                    None => return Ok(None),
                }
            }
            Ok(Some(new::tuple(items.iter().map(Handle::get).collect())))
        }
        Kind::Reversed => reversed_next(vm, it.downcast::<ReversedData>().expect("reversed")),
        Kind::Map => {
            let data = it.downcast::<MapData>().expect("map");
            let mut args = Vec::with_capacity(data.iters.len());
            for inner in data.iters.iter() {
                match next(vm, *inner)? {
                    Some(v) => args.push(Handle::new(v)),
                    None => return Ok(None),
                }
            }
            let values: Vec<StackRef> = args.iter().map(Handle::get).collect();
            vm.call(data.func, &values).map(Some)
        }
        Kind::Filter => {
            let data = it.downcast::<FilterData>().expect("filter");
            loop {
                let Some(item) = next(vm, data.iter)? else { return Ok(None) };
                let item = Handle::new(item);
                let keep = if data.func == none() || data.func == types().bool_ {
                    crate::ops::truthy(vm, item.get())?
                } else {
                    let r = vm.call(data.func, &[item.get()])?;
                    crate::ops::truthy(vm, r)?
                };
                if keep {
                    return Ok(Some(item.get()));
                }
            }
        }
        _ => user_next(vm, it),
    }
}

/// Next item of an iterator over an object with only `__getitem__` (CPython's
/// `iterobject`): IndexError or StopIteration from `seq[index]` ends the iteration.
fn sequence_iter_next(vm: &mut Vm, data: &SeqIterData) -> PyResult<Option<StackRef>> {
    let index = data.index.get();
    if index == usize::MAX {
        return Ok(None);
    }
    match crate::ops::getitem(vm, data.seq, new::int(index as i64)) {
        Ok(v) => {
            data.index.set(index + 1);
            Ok(Some(v))
        }
        Err(e) if e.matches(ExcType::IndexError) || e.matches(ExcType::StopIteration) => {
            data.index.set(usize::MAX);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `__next__` of any other object, StopIteration meaning exhaustion.
fn user_next(vm: &mut Vm, it: StackRef) -> PyResult<Option<StackRef>> {
    let result = match find_special(type_of(it), "__next__") {
        Special::User(method) => call_method(vm, method, it, &[]),
        Special::Builtin(_) => match vm.call_special(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => return Err(type_error(format!("'{}' object is not an iterator", type_name_of(it)))),
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(ExcType::StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}

fn dict_iter_next(data: &DictIterData) -> PyResult<Option<StackRef>> {
    let pos = data.pos.get();
    if pos == usize::MAX {
        return Ok(None);
    }
    let dict = data.dict.downcast::<DictData>().expect("dict");
    if dict.len() != data.len_at_start {
        return Err(PyErr::new(ExcType::RuntimeError, "dictionary changed size during iteration"));
    }
    match dict.next_entry(pos) {
        Some((next_pos, entry)) => {
            data.pos.set(next_pos);
            Ok(Some(match data.part {
                DictPart::Keys => entry.key,
                DictPart::Values => entry.value,
                DictPart::Items => new::tuple(vec![entry.key, entry.value]),
            }))
        }
        None => {
            data.pos.set(usize::MAX);
            Ok(None)
        }
    }
}

fn reversed_next(vm: &mut Vm, data: &ReversedData) -> PyResult<Option<StackRef>> {
    let remaining = data.remaining.get();
    if remaining == 0 {
        return Ok(None);
    }
    let index = remaining - 1;
    let seq = data.seq;
    let item = match seq.kind() {
        Kind::List if is_builtin_type(type_of(seq)) => {
            seq.downcast::<ListData>().and_then(|l| l.items.borrow().get(index).copied())
        }
        Kind::Tuple if is_builtin_type(type_of(seq)) => {
            seq.downcast::<TupleData>().and_then(|t| t.items.get(index).copied())
        }
        Kind::Str if is_builtin_type(type_of(seq)) => {
            let s = seq.downcast::<StrData>().expect("str");
            let c = if s.is_ascii() {
                s.value.as_bytes().get(index).map(|b| *b as char)
            } else {
                s.value.chars().nth(index)
            };
            c.map(char_str)
        }
        Kind::Range => {
            let r = seq.downcast::<RangeData>().expect("range");
            let value = r.start as i128 + index as i128 * r.step as i128;
            Some(new::int(value as i64))
        }
        _ => match crate::ops::getitem(vm, seq, new::int(index as i64)) {
            Ok(v) => Some(v),
            Err(e) if e.matches(ExcType::IndexError) || e.matches(ExcType::StopIteration) => None,
            Err(e) => return Err(e),
        },
    };
    data.remaining.set(if item.is_some() { index } else { 0 });
    Ok(item)
}

/// All items of an iterable, counted (lists and tuples are copied directly).
pub fn collect(vm: &mut Vm, iterable: StackRef) -> PyResult<Vec<Handle>> {
    if is_builtin_type(type_of(iterable)) {
        match iterable.kind() {
            Kind::List => {
                let list = iterable.downcast::<ListData>().expect("list");
                return Ok(list.items.borrow().iter().map(|v| Handle::new(*v)).collect());
            }
            Kind::Tuple => {
                let t = iterable.downcast::<TupleData>().expect("tuple");
                return Ok(t.items.iter().map(|v| Handle::new(*v)).collect());
            }
            _ => {}
        }
    }
    let it = Handle::new(iter(vm, iterable)?);
    let mut out = Vec::new();
    while let Some(v) = next(vm, it.get())? {
        out.push(Handle::new(v));
    }
    Ok(out)
}
