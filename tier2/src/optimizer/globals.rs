//! Global promotion: loads of module globals, builtins and module attributes become
//! inline constants (`_LOAD_CONST_INLINE`, `_POP_TOP_LOAD_CONST_INLINE`), with their
//! guards deleted and a `Dependency::Dict` on every dict the value was read from.
//!
//! - LOAD_GLOBAL_MODULE (`_GUARD_GLOBALS_VERSION_PUSH_KEYS` + `_LOAD_GLOBAL_MODULE_FROM_KEYS`)
//!   when the frame's globals dict is known and has the cached keys version now: the
//!   value at the cached index is the value the load would read.
//! - LOAD_GLOBAL_BUILTIN (`_GUARD_GLOBALS_VERSION` + `_GUARD_BUILTINS_VERSION_PUSH_KEYS` +
//!   `_LOAD_GLOBAL_BUILTINS_FROM_KEYS`) likewise, with both dicts' keys versions checked
//!   (the globals one says the name is not shadowed) and both dicts depended on.
//! - LOAD_ATTR_MODULE (`_CHECK_ATTR_MODULE_PUSH_KEYS` + `_LOAD_ATTR_MODULE_FROM_KEYS`)
//!   when the owner is a known constant module.
//! - LOAD_ATTR_CLASS (`_CHECK_ATTR_CLASS` + `_LOAD_ATTR_CLASS`) when the owner is a known
//!   constant class of the guarded version, with a `Dependency::Type` on it.
//!
//! Any change to a dependency dict (value overwrites included) invalidates the executor,
//! and the `_CHECK_VALIDITY` after every escaping instruction leaves the trace before a
//! promoted value can be used stale. Dicts that keep invalidating executors
//! (`watchers::dict_invalidations` at `MAX_DICT_INVALIDATIONS`, or `-X jit-promote-limit=N`)
//! are not promoted from.
//!
//! A dict the trace itself stores names into (STORE_GLOBAL, STORE_NAME and the deletes)
//! is not promoted from either: every iteration would invalidate the executor.
//!
//! The root frame's globals are the globals of the frame the trace was projected from;
//! they are used only when every function made from the root code shares them (the
//! function-by-version cache knows), or when no function was made from it (module code).
//! Inlined frames have globals only when the projector knows them for certain.

use sidewinder_vm::heap::Handle;
use sidewinder_vm::objects::dict::DictData;
use sidewinder_vm::objects::module::ModuleData;
use sidewinder_vm::objects::types::TypeData;
use sidewinder_vm::opcodes::Uop;
use sidewinder_vm::runtime::call::{code_for_function_version, globals_for_function_version};
use sidewinder_vm::tier1::watchers::dict_invalidations;
use sidewinder_vm::StackRef;

use super::analysis::{Analysis, Halt};
use super::symbols::{fact_of_value, SymId};
use crate::ir::{Dependency, Trace};

pub const PASS: &str = "global promotion";

/// A dict whose changes invalidated executors this often is not promoted from (the
/// default of `-X jit-promote-limit`).
pub const MAX_DICT_INVALIDATIONS: u32 = 4;

/// The globals dicts the trace's own uops store names into.
#[derive(Debug, Default)]
pub struct Written {
    dicts: Vec<StackRef>,
    /// Some store goes to a dict the analysis does not know.
    unknown: bool,
}

impl Written {
    pub fn of(trace: &Trace) -> Written {
        let mut written = Written::default();
        for u in &trace.uops {
            if matches!(u.uop, Uop::STORE_GLOBAL | Uop::DELETE_GLOBAL | Uop::STORE_NAME | Uop::DELETE_NAME) {
                // STORE_NAME may go to a class namespace instead: counting the globals is
                // only ever too careful.
                match trace.frames[u.frame as usize].globals {
                    Some(globals) => written.dicts.push(globals),
                    None => written.unknown = true,
                }
            }
        }
        written
    }

    fn includes(&self, dict: StackRef) -> bool {
        self.unknown || self.dicts.contains(&dict)
    }
}

/// Tries to promote the load starting at `index`. Returns the index after the rewritten
/// uops (their effect applied), or None when nothing was promoted.
pub fn try_promote(a: &mut Analysis, index: usize) -> Result<Option<usize>, Halt> {
    match a.uop(index).uop {
        Uop::_GUARD_GLOBALS_VERSION_PUSH_KEYS => Ok(module_global(a, index)),
        Uop::_GUARD_GLOBALS_VERSION => Ok(builtin(a, index)),
        Uop::_CHECK_ATTR_MODULE_PUSH_KEYS => module_attr(a, index),
        Uop::_CHECK_ATTR_CLASS => class_attr(a, index),
        _ => Ok(None),
    }
}

/// The dict behind `value` when it is a dict with keys version `version` that is
/// worth promoting from.
fn promotable_dict(a: &Analysis, value: StackRef, version: u64) -> Option<&'static DictData> {
    if a.written_globals.includes(value) {
        return None;
    }
    let dict = value.downcast::<DictData>()?;
    if version == 0 || dict.keys_version.get() as u64 != version {
        return None;
    }
    if dict_invalidations(dict) >= crate::state::config().promote_limit {
        return None;
    }
    Some(dict)
}

/// The globals dict frame `frame` runs with, when known for certain.
fn frame_globals(a: &Analysis, frame: usize) -> Option<StackRef> {
    let f = &a.trace.frames[frame];
    let globals = f.globals?;
    if f.caller.is_none() {
        let version = f.code.version;
        if code_for_function_version(version).is_some() && globals_for_function_version(version) != Some(globals) {
            return None;
        }
    }
    Some(globals)
}

/// The uop at `index` if it is `uop` in the same instruction and frame as `first`.
fn follows(a: &Analysis, first: usize, index: usize, uop: Uop) -> bool {
    let (f, u) = (a.uop(first), a.trace.uops.get(index));
    u.is_some_and(|u| u.uop == uop && u.target == f.target && u.frame == f.frame)
}

/// Replaces the load at `load` by the constant `value` (the uops before it in the
/// instruction are deleted by the caller) and pushes its symbols.
fn promote(a: &mut Analysis, load: usize, value: StackRef, pop_owner: bool) {
    let u = a.uop(load);
    let uop = if pop_owner { Uop::_POP_TOP_LOAD_CONST_INLINE } else { Uop::_LOAD_CONST_INLINE };
    a.replace(load, uop, u.oparg, value.bits() as u64, PASS);
    if value.is_heap() && !value.is_immortal() {
        a.trace.constants.push(Handle::new(value));
    }
}

/// Applies the effect of the promoted load (pushing the constant, and NULL if oparg&1).
fn push_constant(a: &mut Analysis, load: usize, value: StackRef) {
    let u = a.uop(load);
    let id = a.state.fresh(fact_of_value(value));
    a.state.push(id);
    if u.oparg & 1 != 0 {
        let null = a.state.fresh(super::symbols::Fact::Null);
        a.state.push(null);
    } else if u.uop == Uop::_LOAD_CONST_INLINE {
        a.state.sym_mut(id).producer = Some(load);
    }
}

fn module_global(a: &mut Analysis, index: usize) -> Option<usize> {
    let guard = a.uop(index);
    let load = index + 1;
    if !follows(a, index, load, Uop::_LOAD_GLOBAL_MODULE_FROM_KEYS) {
        return None;
    }
    let globals = frame_globals(a, guard.frame as usize)?;
    let dict = promotable_dict(a, globals, guard.operand)?;
    let value = dict.value_at(a.uop(load).operand as usize)?;
    a.remove(index, PASS);
    promote(a, load, value, false);
    a.trace.add_dependency(Dependency::Dict(globals));
    push_constant(a, load, value);
    Some(load + 1)
}

fn builtin(a: &mut Analysis, index: usize) -> Option<usize> {
    let guard = a.uop(index);
    let (builtins_guard, load) = (index + 1, index + 2);
    if !follows(a, index, builtins_guard, Uop::_GUARD_BUILTINS_VERSION_PUSH_KEYS)
        || !follows(a, index, load, Uop::_LOAD_GLOBAL_BUILTINS_FROM_KEYS)
    {
        return None;
    }
    let globals = frame_globals(a, guard.frame as usize)?;
    let builtins = a.trace.frames[guard.frame as usize].builtins?;
    promotable_dict(a, globals, guard.operand)?;
    let dict = promotable_dict(a, builtins, a.uop(builtins_guard).operand)?;
    let value = dict.value_at(a.uop(load).operand as usize)?;
    a.remove(index, PASS);
    a.remove(builtins_guard, PASS);
    promote(a, load, value, false);
    a.trace.add_dependency(Dependency::Dict(globals));
    a.trace.add_dependency(Dependency::Dict(builtins));
    push_constant(a, load, value);
    Some(load + 1)
}

fn module_attr(a: &mut Analysis, index: usize) -> Result<Option<usize>, Halt> {
    let check = a.uop(index);
    let load = index + 1;
    if !follows(a, index, load, Uop::_LOAD_ATTR_MODULE_FROM_KEYS) {
        return Ok(None);
    }
    let owner = a.state.peek(0)?;
    let Some(module) = a.state.sym(owner).constant().and_then(|m| m.downcast::<ModuleData>()) else {
        return Ok(None);
    };
    let Some(dict) = promotable_dict(a, module.dict, check.operand) else { return Ok(None) };
    let Some(value) = dict.value_at(a.uop(load).operand as usize) else { return Ok(None) };
    promote_attribute(a, index, owner, value, Dependency::Dict(module.dict))
}

/// Replaces an attribute load on a constant owner (the check at `index`, the load after
/// it) by `value`, depending on `dependency`. Returns the index after the load.
fn promote_attribute(
    a: &mut Analysis,
    index: usize,
    owner: SymId,
    value: StackRef,
    dependency: Dependency,
) -> Result<Option<usize>, Halt> {
    let load = index + 1;
    a.remove(index, PASS);
    promote(a, load, value, true);
    a.trace.add_dependency(dependency);
    // An owner loaded from a promoted global: both loads become one constant.
    super::folding::merge_pop_top(a, load, owner);
    a.state.pop_n(1)?;
    push_constant(a, load, value);
    Ok(Some(load + 1))
}

/// LOAD_ATTR_CLASS (`_CHECK_ATTR_CLASS` + `_LOAD_ATTR_CLASS`) on a known constant class
/// whose version is still the one the guard checks: the attribute the cache holds is the
/// class's current one. It becomes a constant, with a dependency on the class (any
/// change to it or its bases bumps the version and invalidates the executor).
fn class_attr(a: &mut Analysis, index: usize) -> Result<Option<usize>, Halt> {
    let check = a.uop(index);
    let load = index + 1;
    if !follows(a, index, load, Uop::_LOAD_ATTR_CLASS) {
        return Ok(None);
    }
    let owner = a.state.peek(0)?;
    let Some(class) = a.state.sym(owner).constant() else { return Ok(None) };
    let Some(data) = class.downcast::<TypeData>() else { return Ok(None) };
    if check.operand == 0 || data.version.get() as u64 != check.operand {
        return Ok(None);
    }
    let value = StackRef::from_bits(a.uop(load).operand as usize);
    promote_attribute(a, index, owner, value, Dependency::Type(class))
}
