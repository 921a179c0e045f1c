//! set and frozenset with Python semantics: keys found by hash and `==`, and the set
//! algebra in CPython 3.11's algorithms, step for step, because which table each result
//! is built in, and in what order its keys go in, decides the order programs see.
//!
//! Keys whose equality needs no Python code are compared inside the probe; any other
//! candidate is compared with `eq()` with no borrow held, and the probe starts over if
//! the table was rebuilt or the compared slot changed meanwhile (as CPython does).

use crate::heap::{self, Handle};
use crate::objects::dict::DictData;
use crate::objects::kind::Kind;
use crate::objects::set::{ProbeSequence, SetData, SetIterData};
use crate::ops::arith::nb;
use crate::ops::compare::{eq, CompareOp};
use crate::ops::mapping::{is_simple_key, lookup_hashed, simple_eq};
use crate::ops::slots::is_builtin_type;
use crate::runtime::errors::{key_error, type_error, ExcType};
use crate::runtime::types::{type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::{PyErr, PyResult};

/// Where a probe for a key ended.
enum Probe {
    /// The key is in the slot at this index.
    Found(usize),
    /// The key is absent; a new key goes into this slot.
    Absent(usize),
}

/// A new, empty set (or frozenset).
pub fn new_set(frozen: bool) -> StackRef {
    let t = types();
    heap::alloc(if frozen { t.frozenset } else { t.set }, SetData::new(frozen))
}

/// The set payload of a set or frozenset (of any subclass).
pub fn as_set(v: StackRef) -> Option<&'static SetData> {
    v.downcast::<SetData>()
}

fn expect_set(v: StackRef) -> &'static SetData {
    as_set(v).expect("a set")
}

/// Finds `key` (whose hash is `hash`) in `s`, comparing with Python semantics. The
/// caller keeps `key` alive.
fn probe(vm: &mut Vm, s: &SetData, key: StackRef, hash: i64) -> PyResult<Probe> {
    let simple = is_simple_key(key);
    'restart: loop {
        let (mask, generation) = {
            let table = s.table.borrow();
            (table.mask(), table.generation)
        };
        let mut free_slot = None;
        for index in ProbeSequence::new(hash, mask) {
            let slot = s.table.borrow().slots[index];
            if slot.is_unused() {
                return Ok(Probe::Absent(free_slot.unwrap_or(index)));
            }
            if slot.is_dummy() {
                free_slot = Some(index);
                continue;
            }
            if slot.hash != hash {
                continue;
            }
            if slot.key == key {
                return Ok(Probe::Found(index));
            }
            if simple && is_simple_key(slot.key) {
                if simple_eq(slot.key, key) {
                    return Ok(Probe::Found(index));
                }
                continue;
            }
            let stored = Handle::new(slot.key);
            if eq(vm, stored.get(), key)? {
                return Ok(Probe::Found(index));
            }
            let table = s.table.borrow();
            if table.generation != generation || table.slots[index].key != stored.get() {
                continue 'restart;
            }
        }
        unreachable!("a set table always has an unused slot");
    }
}

/// The hash of a key about to be looked up: a set key stands for the frozenset with
/// its elements (CPython lets `{1} in s`, `s.remove({1})` and `s.discard({1})` work).
fn lookup_hash(vm: &mut Vm, key: StackRef) -> PyResult<i64> {
    match crate::ops::hash(vm, key) {
        Err(e) if e.matches(ExcType::TypeError) && as_set(key).is_some_and(|s| !s.frozen) => {
            Ok(expect_set(key).table.borrow().hash())
        }
        result => result,
    }
}

/// Adds a key whose hash is known.
pub(crate) fn add_hashed(vm: &mut Vm, s: &SetData, key: StackRef, hash: i64) -> PyResult<()> {
    if let Probe::Absent(index) = probe(vm, s, key, hash)? {
        heap::incref(key);
        s.table.borrow_mut().insert_at(index, key, hash);
    }
    Ok(())
}

/// A frozenset of constants (the compiler's folded set displays), built as CPython
/// 3.11 builds the constant: the keys added in order, then (when the compiler merges
/// its constants) added again, in the first frozenset's iteration order, to a fresh
/// one. Every key must be a simple key (`mapping::is_simple_key`): equality and
/// hashing then run no Python code.
pub fn frozenset_of_simple_keys(keys: &[StackRef]) -> StackRef {
    let first = Handle::new(add_simple_keys(keys));
    let order: Vec<StackRef> = expect_set(first.get()).entries().into_iter().map(|(_, k)| k).collect();
    add_simple_keys(&order)
}

fn add_simple_keys(keys: &[StackRef]) -> StackRef {
    let set = new_set(true);
    let s = expect_set(set);
    'keys: for &key in keys {
        debug_assert!(is_simple_key(key));
        let hash = crate::ops::hashing::simple_key_hash(key);
        let mask = s.table.borrow().mask();
        let mut free_slot = None;
        for index in ProbeSequence::new(hash, mask) {
            let slot = s.table.borrow().slots[index];
            if slot.is_unused() {
                heap::incref(key);
                s.table.borrow_mut().insert_at(free_slot.unwrap_or(index), key, hash);
                continue 'keys;
            }
            if slot.is_dummy() {
                free_slot = Some(index);
            } else if slot.hash == hash && (slot.key == key || simple_eq(slot.key, key)) {
                continue 'keys;
            }
        }
    }
    set
}

/// `set.add(key)`; also BUILD_SET and SET_ADD.
pub fn set_add(vm: &mut Vm, set: StackRef, key: StackRef) -> PyResult<()> {
    let hash = crate::ops::hash(vm, key)?;
    add_hashed(vm, expect_set(set), key, hash)
}

fn contains_hashed(vm: &mut Vm, s: &SetData, key: StackRef, hash: i64) -> PyResult<bool> {
    Ok(matches!(probe(vm, s, key, hash)?, Probe::Found(_)))
}

/// `key in set`.
pub fn set_contains(vm: &mut Vm, set: StackRef, key: StackRef) -> PyResult<bool> {
    let hash = lookup_hash(vm, key)?;
    contains_hashed(vm, expect_set(set), key, hash)
}

/// Removes a key whose hash is known; whether it was there.
fn discard_hashed(vm: &mut Vm, s: &SetData, key: StackRef, hash: i64) -> PyResult<bool> {
    match probe(vm, s, key, hash)? {
        Probe::Found(index) => {
            let removed = s.table.borrow_mut().remove_at(index);
            heap::decref(removed);
            Ok(true)
        }
        Probe::Absent(_) => Ok(false),
    }
}

/// `set.discard(key)`: whether the key was there.
pub fn set_discard(vm: &mut Vm, set: StackRef, key: StackRef) -> PyResult<bool> {
    let hash = lookup_hash(vm, key)?;
    discard_hashed(vm, expect_set(set), key, hash)
}

/// `set.remove(key)`.
pub fn set_remove(vm: &mut Vm, set: StackRef, key: StackRef) -> PyResult<()> {
    if set_discard(vm, set, key)? {
        Ok(())
    } else {
        Err(key_error(key))
    }
}

/// `set.pop()`: the removed key, counted for the caller's handle.
pub fn set_pop(set: StackRef) -> PyResult<Handle> {
    let Some(key) = expect_set(set).table.borrow_mut().pop() else {
        return Err(PyErr::with_args(ExcType::KeyError, &[crate::objects::new::str("pop from an empty set")]));
    };
    let handle = Handle::new(key);
    heap::decref(key);
    Ok(handle)
}

/// `set.clear()`.
pub fn set_clear(set: StackRef) {
    let old = expect_set(set).table.borrow_mut().take_all();
    for slot in old.iter().filter(|s| s.is_active()) {
        heap::decref(slot.key);
    }
}

/// Adds every key of another set (CPython's set_merge).
fn merge(vm: &mut Vm, s: &SetData, other: &SetData) -> PyResult<()> {
    if std::ptr::eq(s, other) || other.is_empty() {
        return Ok(());
    }
    let copied = {
        let source = other.table.borrow();
        let mut dest = s.table.borrow_mut();
        dest.reserve_for(source.used);
        dest.copy_into_empty(&source)
    };
    if copied {
        for (_, key) in s.table.borrow().active() {
            heap::incref(key);
        }
        return Ok(());
    }
    for (hash, key) in counted_entries(other) {
        add_hashed(vm, s, key.get(), hash)?;
    }
    Ok(())
}

/// The active (hash, key) pairs of a set, kept alive for code that runs Python.
fn counted_entries(s: &SetData) -> Vec<(i64, Handle)> {
    s.entries().into_iter().map(|(h, k)| (h, Handle::new(k))).collect()
}

/// The (hash, key) pairs of an exact dict, in its order.
fn dict_entries(d: &DictData) -> Vec<(i64, Handle)> {
    d.counted_entries().into_iter().map(|(h, k, _)| (h, k)).collect()
}

fn exact_dict(v: StackRef) -> Option<&'static DictData> {
    if v.kind() == Kind::Dict && is_builtin_type(type_of(v)) {
        v.downcast::<DictData>()
    } else {
        None
    }
}

/// `set.update(other)` for one iterable (CPython's set_update_internal).
pub fn set_update(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<()> {
    let s = expect_set(set);
    if let Some(o) = as_set(other) {
        return merge(vm, s, o);
    }
    if let Some(d) = exact_dict(other) {
        s.table.borrow_mut().reserve_for(d.len());
        for (hash, key) in dict_entries(d) {
            add_hashed(vm, s, key.get(), hash)?;
        }
        return Ok(());
    }
    let it = Handle::new(crate::ops::iter(vm, other)?);
    while let Some(key) = crate::ops::next(vm, it.get())? {
        let key = Handle::new(key);
        set_add(vm, set, key.get())?;
    }
    Ok(())
}

/// A new set of the base type of `like` (set or frozenset) holding the keys of
/// `iterable`, if any.
pub fn new_like(vm: &mut Vm, like: &SetData, iterable: Option<StackRef>) -> PyResult<Handle> {
    let result = Handle::new(new_set(like.frozen));
    if let Some(iterable) = iterable {
        set_update(vm, result.get(), iterable)?;
    }
    Ok(result)
}

/// A shallow copy of the set's base type.
pub fn set_copy(vm: &mut Vm, set: StackRef) -> PyResult<Handle> {
    new_like(vm, expect_set(set), Some(set))
}

/// `set & other` and `set.intersection(other)`: keys kept in the iteration order of
/// the smaller set (or of the iterable), as the objects found there.
pub fn intersection(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<Handle> {
    if set == other {
        return set_copy(vm, set);
    }
    let s = expect_set(set);
    let result = new_like(vm, s, None)?;
    let r = expect_set(result.get());
    if let Some(o) = as_set(other) {
        let (probed, iterated) = if o.len() > s.len() { (o, s) } else { (s, o) };
        for (hash, key) in counted_entries(iterated) {
            if contains_hashed(vm, probed, key.get(), hash)? {
                add_hashed(vm, r, key.get(), hash)?;
            }
        }
        return Ok(result);
    }
    let it = Handle::new(crate::ops::iter(vm, other)?);
    while let Some(key) = crate::ops::next(vm, it.get())? {
        let key = Handle::new(key);
        let hash = crate::ops::hash(vm, key.get())?;
        if contains_hashed(vm, s, key.get(), hash)? {
            add_hashed(vm, r, key.get(), hash)?;
            if r.len() >= s.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// Replaces the contents of `set` by those of `replacement` (CPython's set_swap_bodies,
/// one way): the table moves over, the pop finger stays.
pub fn take_body_from(set: StackRef, replacement: StackRef) {
    let s = expect_set(set);
    let r = expect_set(replacement);
    {
        let mut dest = s.table.borrow_mut();
        let mut source = r.table.borrow_mut();
        std::mem::swap(&mut dest.slots, &mut source.slots);
        std::mem::swap(&mut dest.fill, &mut source.fill);
        std::mem::swap(&mut dest.used, &mut source.used);
        dest.generation += 1;
        source.generation += 1;
    }
    s.cached_hash.set(-1);
}

/// `set &= other` and `set.intersection_update(other)`.
pub fn intersection_update(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<()> {
    let result = intersection(vm, set, other)?;
    take_body_from(set, result.get());
    Ok(())
}

/// Intersection with several others, each in turn.
pub fn intersection_multi(vm: &mut Vm, set: StackRef, others: &[StackRef]) -> PyResult<Handle> {
    if others.is_empty() {
        return set_copy(vm, set);
    }
    let mut result = Handle::new(set);
    for other in others {
        result = intersection(vm, result.get(), *other)?;
    }
    Ok(result)
}

/// `set -= other` and `set.difference_update(other)`.
pub fn difference_update(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<()> {
    if set == other {
        set_clear(set);
        return Ok(());
    }
    let s = expect_set(set);
    if let Some(o) = as_set(other) {
        for (hash, key) in counted_entries(o) {
            discard_hashed(vm, s, key.get(), hash)?;
        }
    } else {
        let it = Handle::new(crate::ops::iter(vm, other)?);
        while let Some(key) = crate::ops::next(vm, it.get())? {
            let key = Handle::new(key);
            set_discard(vm, set, key.get())?;
        }
    }
    s.table.borrow_mut().shed_dummies();
    Ok(())
}

/// `set - other` and `set.difference(other)`.
pub fn difference(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<Handle> {
    let s = expect_set(set);
    let other_len = match (as_set(other), exact_dict(other)) {
        (Some(o), _) => Some(o.len()),
        (None, Some(d)) => Some(d.len()),
        _ => None,
    };
    let copy_then_remove = match other_len {
        None => true,
        Some(n) => (s.len() >> 2) > n,
    };
    if copy_then_remove {
        let result = set_copy(vm, set)?;
        difference_update(vm, result.get(), other)?;
        return Ok(result);
    }
    let result = new_like(vm, s, None)?;
    let r = expect_set(result.get());
    for (hash, key) in counted_entries(s) {
        let present = match exact_dict(other) {
            Some(d) => lookup_hashed(vm, d, key.get(), hash)?.is_some(),
            None => contains_hashed(vm, expect_set(other), key.get(), hash)?,
        };
        if !present {
            add_hashed(vm, r, key.get(), hash)?;
        }
    }
    Ok(result)
}

/// Difference with several others: the first by `difference`, the rest removed.
pub fn difference_multi(vm: &mut Vm, set: StackRef, others: &[StackRef]) -> PyResult<Handle> {
    let Some((first, rest)) = others.split_first() else {
        return set_copy(vm, set);
    };
    let result = difference(vm, set, *first)?;
    for other in rest {
        difference_update(vm, result.get(), *other)?;
    }
    Ok(result)
}

/// Each key of `keys` is removed from `s` if there, added otherwise.
fn toggle_keys(vm: &mut Vm, s: &SetData, keys: Vec<(i64, Handle)>) -> PyResult<()> {
    for (hash, key) in keys {
        if !discard_hashed(vm, s, key.get(), hash)? {
            add_hashed(vm, s, key.get(), hash)?;
        }
    }
    Ok(())
}

/// `set ^= other` and `set.symmetric_difference_update(other)`.
pub fn symmetric_difference_update(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<()> {
    if set == other {
        set_clear(set);
        return Ok(());
    }
    let s = expect_set(set);
    if let Some(d) = exact_dict(other) {
        return toggle_keys(vm, s, dict_entries(d));
    }
    if let Some(o) = as_set(other) {
        return toggle_keys(vm, s, counted_entries(o));
    }
    let keys = new_like(vm, s, Some(other))?;
    toggle_keys(vm, s, counted_entries(expect_set(keys.get())))
}

/// `set ^ other` and `set.symmetric_difference(other)`: the keys of `other` first,
/// then those of the set toggled in.
pub fn symmetric_difference(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<Handle> {
    let s = expect_set(set);
    let result = new_like(vm, s, Some(other))?;
    toggle_keys(vm, expect_set(result.get()), counted_entries(s))?;
    Ok(result)
}

/// `set | other` and `set.union(*others)`.
pub fn union_multi(vm: &mut Vm, set: StackRef, others: &[StackRef]) -> PyResult<Handle> {
    let result = set_copy(vm, set)?;
    for other in others {
        if *other != set {
            set_update(vm, result.get(), *other)?;
        }
    }
    Ok(result)
}

/// `set <= other` and `set.issubset(other)`.
pub fn issubset(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<bool> {
    let s = expect_set(set);
    let Some(o) = as_set(other) else {
        // CPython 3.11 makes a set of the whole iterable first.
        let other_set = Handle::new(new_set(false));
        set_update(vm, other_set.get(), other)?;
        return issubset(vm, set, other_set.get());
    };
    if s.len() > o.len() {
        return Ok(false);
    }
    for (hash, key) in counted_entries(s) {
        if !contains_hashed(vm, o, key.get(), hash)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set >= other` and `set.issuperset(other)`.
pub fn issuperset(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<bool> {
    if as_set(other).is_some() {
        return issubset(vm, other, set);
    }
    let it = Handle::new(crate::ops::iter(vm, other)?);
    while let Some(key) = crate::ops::next(vm, it.get())? {
        let key = Handle::new(key);
        if !set_contains(vm, set, key.get())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set.isdisjoint(other)`.
pub fn isdisjoint(vm: &mut Vm, set: StackRef, other: StackRef) -> PyResult<bool> {
    let s = expect_set(set);
    if set == other {
        return Ok(s.is_empty());
    }
    if let Some(o) = as_set(other) {
        let (probed, iterated) = if o.len() > s.len() { (o, s) } else { (s, o) };
        for (hash, key) in counted_entries(iterated) {
            if contains_hashed(vm, probed, key.get(), hash)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = Handle::new(crate::ops::iter(vm, other)?);
    while let Some(key) = crate::ops::next(vm, it.get())? {
        let key = Handle::new(key);
        if set_contains(vm, set, key.get())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Rich comparison of a set with another object: subset tests, `None` when `other`
/// is not a set (NotImplemented).
pub fn set_compare(vm: &mut Vm, set: StackRef, other: StackRef, op: CompareOp) -> PyResult<Option<bool>> {
    let (Some(s), Some(o)) = (as_set(set), as_set(other)) else { return Ok(None) };
    let result = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let equal = s.len() == o.len() && issubset(vm, set, other)?;
            equal == (op == CompareOp::Eq)
        }
        CompareOp::Le => issubset(vm, set, other)?,
        CompareOp::Ge => issuperset(vm, set, other)?,
        CompareOp::Lt => s.len() < o.len() && issubset(vm, set, other)?,
        CompareOp::Gt => s.len() > o.len() && issuperset(vm, set, other)?,
    };
    Ok(Some(result))
}

/// The binary set operators `| & - ^` (`op` is the `nb` code): `None` unless both
/// operands are sets or frozensets. The result has the left operand's base type.
pub fn set_binary(vm: &mut Vm, op: u32, left: StackRef, right: StackRef) -> PyResult<Option<Handle>> {
    if as_set(left).is_none() || as_set(right).is_none() {
        return Ok(None);
    }
    let result = match op {
        nb::OR => union_multi(vm, left, &[right])?,
        nb::AND => intersection(vm, left, right)?,
        nb::SUBTRACT => difference(vm, left, right)?,
        nb::XOR => symmetric_difference(vm, left, right)?,
        _ => return Ok(None),
    };
    Ok(Some(result))
}

/// The in-place operators `|= &= -= ^=` on a (mutable) set: `false` when they do not
/// apply (a frozenset on the left, or a non-set on the right), so that the binary
/// operator is tried instead.
pub fn set_inplace(vm: &mut Vm, op: u32, left: StackRef, right: StackRef) -> PyResult<bool> {
    if as_set(left).is_none_or(|s| s.frozen) || as_set(right).is_none() {
        return Ok(false);
    }
    match op {
        nb::OR => set_update(vm, left, right)?,
        nb::AND => intersection_update(vm, left, right)?,
        nb::SUBTRACT => difference_update(vm, left, right)?,
        nb::XOR => symmetric_difference_update(vm, left, right)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// A frozenset's hash (cached); sets are unhashable.
pub fn set_hash(set: StackRef) -> PyResult<i64> {
    let s = expect_set(set);
    if !s.frozen {
        return Err(type_error(format!("unhashable type: '{}'", type_name_of(set))));
    }
    if s.cached_hash.get() == -1 {
        s.cached_hash.set(s.table.borrow().hash());
    }
    Ok(s.cached_hash.get())
}

/// `repr(set)`: `{1, 2}`, `set()`, `frozenset({1, 2})`, `frozenset()`.
pub fn set_repr(vm: &mut Vm, set: StackRef) -> PyResult<String> {
    let s = expect_set(set);
    let name = type_name_of(set);
    let Some(_guard) = crate::ops::repr::ReprGuard::enter(set) else { return Ok(format!("{name}(...)")) };
    if s.is_empty() {
        return Ok(format!("{name}()"));
    }
    let keys = counted_entries(s);
    let mut parts = Vec::with_capacity(keys.len());
    for (_, key) in &keys {
        parts.push(crate::ops::repr_string(vm, key.get())?);
    }
    let body = format!("{{{}}}", parts.join(", "));
    if !s.frozen && set_type_is_exact(set) {
        Ok(body)
    } else {
        Ok(format!("{name}({body})"))
    }
}

fn set_type_is_exact(set: StackRef) -> bool {
    type_of(set) == types().set
}

/// `iter(set)`.
pub fn set_iter(set: StackRef) -> StackRef {
    let len = expect_set(set).len();
    heap::incref(set);
    heap::alloc(
        types().set_iterator,
        SetIterData { set, pos: std::cell::Cell::new(0), len_at_start: len, remaining: std::cell::Cell::new(len) },
    )
}

/// The next key of a set iterator (uncounted: valid until the set changes).
pub fn set_iter_next(data: &SetIterData) -> PyResult<Option<StackRef>> {
    let pos = data.pos.get();
    if pos == usize::MAX {
        return Ok(None);
    }
    let s = expect_set(data.set);
    // Once the size has changed, the iterator keeps failing (CPython's sticky state).
    if pos == usize::MAX - 1 || s.len() != data.len_at_start {
        data.pos.set(usize::MAX - 1);
        return Err(PyErr::new(ExcType::RuntimeError, "Set changed size during iteration"));
    }
    match s.table.borrow().next_active(pos) {
        Some((index, slot)) => {
            data.pos.set(index + 1);
            data.remaining.set(data.remaining.get().saturating_sub(1));
            Ok(Some(slot.key))
        }
        None => {
            data.pos.set(usize::MAX);
            Ok(None)
        }
    }
}
