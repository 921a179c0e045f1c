//! Guard elimination: removes guards whose test the analysis proves always passes, and
//! reports a contradiction for a guard it proves always fails (the trace is dropped).
//!
//! - Kind guards (`_GUARD_BOTH_INT/FLOAT/STR`, `_GUARD_LIST_INT`, `_GUARD_TUPLE_INT`,
//!   `_GUARD_DICT`, `_ITER_CHECK_RANGE/LIST/TUPLE`, `_TO_BOOL_BOOL`) go when every value
//!   they test has the kind they test for. The converting `_TO_BOOL_*` uops stay (they
//!   compute the result), but a known wrong kind is a contradiction for them too.
//! - `_GUARD_TYPE_VERSION` goes when the same value passed a guard of the same version
//!   and no escaping uop ran since (an escaping uop may modify a type). On a constant
//!   owner whose type has that version now, it goes too, with a `Dependency::Type` on the
//!   type: modifying the type invalidates the executor, and the `_CHECK_VALIDITY` after
//!   every escaping instruction leaves the trace before the assumption is used again.
//! - `_CHECK_FUNCTION_EXACT_ARGS` goes when the callable is a constant function of that
//!   version taking exactly the arguments given (whether `self_or_null` is NULL must be
//!   known), with a `Dependency::FunctionVersion`.
//!
//! A guard that stays teaches the analysis what it tested, for the uops after it.

use sidewinder_vm::objects::code::CodeData;
use sidewinder_vm::objects::function::FunctionData;
use sidewinder_vm::objects::kind::Kind;
use sidewinder_vm::objects::types::TypeData;
use sidewinder_vm::opcodes::Uop;
use sidewinder_vm::runtime::types::type_of;

use super::analysis::{Analysis, Halt};
use super::symbols::Fact;
use crate::ir::Dependency;

pub const PASS: &str = "guard elimination";

/// The kinds a uop tests before it does anything: (kind, depth of the tested item below
/// the top of the stack before the uop).
pub fn kinds_tested(uop: Uop, oparg: u32) -> Vec<(Kind, usize)> {
    match uop {
        Uop::_GUARD_BOTH_INT => vec![(Kind::SmallInt, 1), (Kind::SmallInt, 0)],
        Uop::_GUARD_BOTH_FLOAT => vec![(Kind::Float, 1), (Kind::Float, 0)],
        Uop::_GUARD_BOTH_STR => vec![(Kind::Str, 1), (Kind::Str, 0)],
        Uop::_GUARD_LIST_INT => vec![(Kind::List, 1), (Kind::SmallInt, 0)],
        Uop::_GUARD_TUPLE_INT => vec![(Kind::Tuple, 1), (Kind::SmallInt, 0)],
        Uop::_GUARD_DICT => vec![(Kind::Dict, 1)],
        Uop::_GUARD_CONTAINER_SET => vec![(Kind::Set, 0)],
        Uop::_GUARD_CONTAINER_DICT => vec![(Kind::Dict, 0)],
        Uop::_ITER_CHECK_RANGE => vec![(Kind::RangeIter, 0)],
        Uop::_ITER_CHECK_LIST => vec![(Kind::ListIter, 0)],
        Uop::_ITER_CHECK_TUPLE => vec![(Kind::TupleIter, 0)],
        Uop::_TO_BOOL_BOOL | Uop::_TO_BOOL_INT | Uop::_TO_BOOL_NONE | Uop::_TO_BOOL_LIST | Uop::_TO_BOOL_STR => {
            let kind = match uop {
                Uop::_TO_BOOL_BOOL => Kind::Bool,
                Uop::_TO_BOOL_INT => Kind::SmallInt,
                Uop::_TO_BOOL_NONE => Kind::None,
                Uop::_TO_BOOL_LIST => Kind::List,
                _ => Kind::Str,
            };
            vec![(kind, 0)]
        }
        Uop::_CHECK_FUNCTION_EXACT_ARGS => vec![(Kind::Function, oparg as usize + 1)],
        Uop::_CHECK_CALL_BOUND_METHOD_EXACT_ARGS => vec![(Kind::BoundMethod, oparg as usize + 1)],
        _ => Vec::new(),
    }
}

/// Pure kind guards, which leave their inputs in place and can be deleted when the
/// kinds are known.
fn removable_kind_guard(uop: Uop) -> bool {
    matches!(
        uop,
        Uop::_GUARD_BOTH_INT
            | Uop::_GUARD_BOTH_FLOAT
            | Uop::_GUARD_BOTH_STR
            | Uop::_GUARD_LIST_INT
            | Uop::_GUARD_TUPLE_INT
            | Uop::_GUARD_DICT
            | Uop::_ITER_CHECK_RANGE
            | Uop::_ITER_CHECK_LIST
            | Uop::_ITER_CHECK_TUPLE
            | Uop::_TO_BOOL_BOOL
    )
}

/// Looks at the guard at `index` before its effect is applied: removes it when it must
/// pass, fails with a contradiction when it must fail, and otherwise records what it
/// tests as known for the uops after it.
pub fn visit(a: &mut Analysis, index: usize) -> Result<(), Halt> {
    let u = a.uop(index);
    let tested = kinds_tested(u.uop, u.oparg);
    let mut all_known = !tested.is_empty();
    let mut ids = Vec::with_capacity(tested.len());
    for &(kind, depth) in &tested {
        let id = a.state.peek(depth)?;
        match a.state.sym(id).kind() {
            Some(k) if k == kind => {}
            Some(k) => {
                return Err(Halt::Contradiction(format!("{} on a value known to be {k:?}", u.uop.name())));
            }
            None => all_known = false,
        }
        ids.push((id, kind));
    }
    if all_known && removable_kind_guard(u.uop) {
        a.remove(index, PASS);
        return Ok(());
    }
    match u.uop {
        Uop::_GUARD_TYPE_VERSION => type_version(a, index),
        Uop::_CHECK_FUNCTION_EXACT_ARGS => function_exact_args(a, index),
        Uop::_CHECK_CALL_BOUND_METHOD_EXACT_ARGS => {
            // It checks the slot above the bound method is NULL.
            let slot = a.state.peek(u.oparg as usize)?;
            if a.state.sym(slot).is_null() == Some(false) {
                return Err(Halt::Contradiction(format!("{} with a self argument", u.uop.name())));
            }
            let sym = a.state.sym_mut(slot);
            if sym.fact == Fact::Unknown {
                sym.fact = Fact::Null;
            }
            learn(a, &ids);
            Ok(())
        }
        _ => {
            learn(a, &ids);
            Ok(())
        }
    }
}

fn learn(a: &mut Analysis, ids: &[(usize, Kind)]) {
    for &(id, kind) in ids {
        a.state.learn_kind(id, kind);
    }
}

fn type_version(a: &mut Analysis, index: usize) -> Result<(), Halt> {
    let u = a.uop(index);
    let owner = a.state.peek(0)?;
    if a.state.type_version(owner) == Some(u.operand) {
        a.remove(index, PASS);
        return Ok(());
    }
    if let Some(value) = a.state.sym(owner).constant() {
        let ty = type_of(value);
        let current = ty.downcast::<TypeData>().map(|t| t.version.get() as u64);
        if u.operand != 0 && current == Some(u.operand) {
            a.trace.add_dependency(Dependency::Type(ty));
            a.remove(index, PASS);
            return Ok(());
        }
    }
    a.state.learn_type_version(owner, u.operand);
    Ok(())
}

fn function_exact_args(a: &mut Analysis, index: usize) -> Result<(), Halt> {
    let u = a.uop(index);
    let argc = u.oparg as usize;
    let callable = a.state.peek(argc + 1)?;
    let self_or_null = a.state.peek(argc)?;
    let with_self = a.state.sym(self_or_null).is_null().map(|null| !null as u32);
    let function = a.state.sym(callable).constant().and_then(|c| c.downcast::<FunctionData>());
    if let (Some(f), Some(with_self)) = (function, with_self) {
        let version = f.version.get() as u64;
        let exact = f.code.downcast::<CodeData>().is_some_and(|code| code.arg_count == u.oparg + with_self);
        if version == u.operand && exact {
            a.trace.add_dependency(Dependency::FunctionVersion(u.operand as u32));
            a.remove(index, PASS);
            return Ok(());
        }
    }
    a.state.learn_kind(callable, Kind::Function);
    Ok(())
}
