//! Finding and calling the special methods (`__add__`, `__eq__`, ...) that user classes
//! define, the equivalent of CPython's type slots filled from a class dict.
//!
//! A special method counts only when a user class (heap type) in the MRO defines it
//! before any builtin type: the first builtin type reached decides the behaviour through
//! the payload kind (what CPython's inherited C slots do). Also: a guard against
//! unbounded native recursion (repr/compare/hash of deeply nested containers) and small
//! shared helpers.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::heap::Handle;
use crate::objects::dict::DictData;
use crate::objects::function::BuiltinFunctionData;
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::types::{ClassMethodData, StaticMethodData};
use crate::runtime::errors::{ExcType, PyErr};
use crate::runtime::types::{dict_get_str, type_data, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// Where a special method lookup ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Special {
    /// A user class in the MRO defines it: the raw class attribute (a function, usually).
    User(StackRef),
    /// No user class defines it before this builtin type (possibly `object`) in the MRO.
    Builtin(StackRef),
}

/// Hashes the (address, length) keys of [`interned_name`]'s cache.
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100000001b3);
        }
    }
    fn write_usize(&mut self, v: usize) {
        self.0 = (self.0 ^ v as u64).wrapping_mul(0x9e3779b97f4a7c15).rotate_left(29);
    }
}

type NameCache = HashMap<(usize, usize), StackRef, BuildHasherDefault<AddressHasher>>;

thread_local! {
    static NAMES: RefCell<NameCache> = RefCell::new(NameCache::default());
}

/// The interned str for a special method name (cached by the literal's address, which
/// is cheaper than hashing the text in `new::intern`).
fn interned_name(name: &'static str) -> StackRef {
    let key = (name.as_ptr() as usize, name.len());
    if let Some(v) = NAMES.with(|names| names.borrow().get(&key).copied()) {
        return v;
    }
    let v = new::intern(name);
    NAMES.with(|names| names.borrow_mut().insert(key, v));
    v
}

/// Looks `name` up on type `ty` as described in the module doc.
pub(crate) fn find_special(ty: StackRef, name: &'static str) -> Special {
    let data = type_data(ty);
    if !data.is_heap_type {
        return Special::Builtin(ty);
    }
    let key = interned_name(name);
    // No Python code runs during the walk, so the MRO can stay borrowed.
    let mro = data.mro.borrow();
    for &t in mro.iter() {
        let td = type_data(t);
        if !td.is_heap_type {
            return Special::Builtin(t);
        }
        if let Some(dict) = td.dict.downcast::<DictData>() {
            if let Some(v) = dict_get_str(dict, key) {
                return Special::User(v);
            }
        }
    }
    Special::Builtin(types().object)
}

/// The user-defined special method of `value`'s type, if any.
pub(crate) fn user_method(value: StackRef, name: &'static str) -> Option<StackRef> {
    match find_special(type_of(value), name) {
        Special::User(m) => Some(m),
        Special::Builtin(_) => None,
    }
}

/// Whether the type is exactly one of the builtin types (no user subclass involved).
#[inline(always)]
pub fn is_builtin_type(ty: StackRef) -> bool {
    !type_data(ty).is_heap_type
}

/// Calls a special method found by [`find_special`] on `obj` with `args`, binding it the
/// way attribute lookup would (functions and builtin methods get `obj` prepended,
/// staticmethods and plain builtin functions do not, classmethods get the type, other
/// descriptors go through their `__get__`).
pub(crate) fn call_method(vm: &mut Vm, method: StackRef, obj: StackRef, args: &[StackRef]) -> PyResult<StackRef> {
    match method.kind() {
        Kind::Function => call_prepended(vm, method, obj, args),
        Kind::BuiltinFunction => {
            // Methods of builtin types (method descriptors) take the instance; plain
            // builtin functions are not descriptors and are called as they are.
            let is_method = method.downcast::<BuiltinFunctionData>().is_some_and(|f| !f.owner.is_null());
            if is_method {
                call_prepended(vm, method, obj, args)
            } else {
                vm.call(method, args)
            }
        }
        Kind::StaticMethod => {
            let func = method.downcast::<StaticMethodData>().map(|s| s.0.func).unwrap_or(method);
            vm.call(func, args)
        }
        Kind::ClassMethod => {
            let func = method.downcast::<ClassMethodData>().map(|s| s.0.func).unwrap_or(method);
            call_prepended(vm, func, type_of(obj), args)
        }
        _ => {
            if let Special::User(get) = find_special(type_of(method), "__get__") {
                let bound = call_prepended(vm, get, method, &[obj, type_of(obj)])?;
                let bound = Handle::new(bound);
                vm.call(bound.get(), args)
            } else {
                vm.call(method, args)
            }
        }
    }
}

/// `callable(first, *args)`.
pub(crate) fn call_prepended(
    vm: &mut Vm,
    callable: StackRef,
    first: StackRef,
    args: &[StackRef],
) -> PyResult<StackRef> {
    match args.len() {
        0 => vm.call(callable, &[first]),
        1 => vm.call(callable, &[first, args[0]]),
        2 => vm.call(callable, &[first, args[0], args[1]]),
        _ => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(first);
            all.extend_from_slice(args);
            vm.call(callable, &all)
        }
    }
}

/// Calls the user-defined special method `name` of `obj` if its class has one.
pub(crate) fn call_user(
    vm: &mut Vm,
    obj: StackRef,
    name: &'static str,
    args: &[StackRef],
) -> PyResult<Option<StackRef>> {
    match user_method(obj, name) {
        Some(m) => call_method(vm, m, obj, args).map(Some),
        None => Ok(None),
    }
}

#[inline(always)]
pub(crate) fn is_not_implemented(value: StackRef) -> bool {
    value == types().not_implemented
}

thread_local! {
    static NATIVE_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Counts nesting of native recursion (repr of nested lists, comparison of nested
/// tuples, ...) so that it raises RecursionError instead of overflowing the Rust stack.
pub(crate) struct DepthGuard(());

impl DepthGuard {
    /// Enters one level of a recursion CPython bounds with `Py_EnterRecursiveCall`: the
    /// native levels and the Python frames together stay below the recursion limit.
    /// `what` completes "maximum recursion depth exceeded".
    pub(crate) fn enter(vm: &Vm, what: &str) -> PyResult<DepthGuard> {
        let depth = NATIVE_DEPTH.with(|d| d.get());
        if depth + vm.frames.len() >= vm.recursion_limit.max(50) {
            return Err(PyErr::new(ExcType::RecursionError, format!("maximum recursion depth exceeded{what}")));
        }
        NATIVE_DEPTH.with(|d| d.set(depth + 1));
        Ok(DepthGuard(()))
    }

    /// Enters one level of a recursion CPython does not bound (e.g. hashing nested
    /// tuples): only a limit that keeps the Rust stack safe.
    pub(crate) fn enter_deep(what: &str) -> PyResult<DepthGuard> {
        const MAX_NATIVE_DEPTH: usize = 100_000;
        let depth = NATIVE_DEPTH.with(|d| d.get());
        if depth >= MAX_NATIVE_DEPTH {
            return Err(PyErr::new(ExcType::RecursionError, format!("maximum recursion depth exceeded{what}")));
        }
        NATIVE_DEPTH.with(|d| d.set(depth + 1));
        Ok(DepthGuard(()))
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        NATIVE_DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// The value of a str object (the caller knows it is one).
pub(crate) fn str_value(v: StackRef) -> Option<&'static str> {
    v.downcast::<crate::objects::str::StrData>().map(|s| &*s.value)
}
