//! `with` and `async with` statements: BEFORE_WITH and BEFORE_ASYNC_WITH enter the
//! context manager, WITH_EXCEPT_START calls its `__exit__` (or `__aexit__`) with the
//! exception being handled.

use crate::heap::Handle;
use crate::objects::exception::ExceptionData;
use crate::runtime::errors::{type_error, ExcType};
use crate::runtime::types::{none, type_name_of, type_of};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// `type(mgr).name` bound to `mgr`, looked up on the type as CPython's special-method
/// lookup does.
fn special_bound(vm: &mut Vm, mgr: StackRef, name: &str) -> PyResult<Option<StackRef>> {
    match vm.lookup_special(mgr, name) {
        Some(descr) => vm.bind(descr, mgr).map(Some),
        None => Ok(None),
    }
}

/// [mgr] -> [bound __exit__, mgr.__enter__()].
pub fn before_with(vm: &mut Vm, mgr: StackRef) -> PyResult<(StackRef, StackRef)> {
    enter_context(vm, mgr, "__enter__", "__exit__", "the context manager protocol")
}

/// [mgr] -> [bound __aexit__, mgr.__aenter__()] (the awaitable, awaited next).
pub fn before_async_with(vm: &mut Vm, mgr: StackRef) -> PyResult<(StackRef, StackRef)> {
    enter_context(vm, mgr, "__aenter__", "__aexit__", "the asynchronous context manager protocol")
}

fn enter_context(
    vm: &mut Vm,
    mgr: StackRef,
    enter_name: &str,
    exit_name: &str,
    protocol: &str,
) -> PyResult<(StackRef, StackRef)> {
    let Some(enter) = special_bound(vm, mgr, enter_name)? else {
        return Err(type_error(format!("'{}' object does not support {protocol}", type_name_of(mgr))));
    };
    let enter = Handle::new(enter);
    let Some(exit) = special_bound(vm, mgr, exit_name)? else {
        return Err(type_error(format!(
            "'{}' object does not support {protocol} (missed {exit_name} method)",
            type_name_of(mgr)
        )));
    };
    let exit = Handle::new(exit);
    let result = vm.call(enter.get(), &[])?;
    Ok((exit.get(), result))
}

/// Calls `exit_func(type(exc), exc, traceback)` for the exception being handled and
/// pushes what it returns (true suppresses the exception).
pub fn with_except_start(vm: &mut Vm, exit_func: StackRef, val: StackRef) -> PyResult<StackRef> {
    let traceback = match val.downcast::<ExceptionData>() {
        Some(_) => match vm.get_attr_str(val, "__traceback__") {
            Ok(tb) => tb,
            Err(e) if e.matches(ExcType::AttributeError) => none(),
            Err(e) => return Err(e),
        },
        None => none(),
    };
    let traceback = Handle::new(traceback);
    vm.call(exit_func, &[type_of(val), val, traceback.get()])
}
