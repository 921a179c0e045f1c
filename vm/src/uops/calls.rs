//! Calls: MAKE_FUNCTION, the guards and setup of the Python-call specializations, and
//! the builtin-call specializations. Pushing and popping frames is special (tier1).

use std::cell::Cell;

use crate::heap;
use crate::objects::code::CodeData;
use crate::objects::function::{BoundMethodData, BuiltinFunctionData, FunctionData};
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::types::TypeData;
use crate::runtime::errors::{ExcType, PyErr};
use crate::runtime::types::{none, types};
use crate::runtime::{Frame, Vm};
use crate::value::StackRef;
use crate::PyResult;

pub fn make_function(
    frame: &mut Frame,
    defaults: &[StackRef],
    kwdefaults: &[StackRef],
    annotations: &[StackRef],
    closure: &[StackRef],
    code: StackRef,
) -> StackRef {
    let code_data = code.downcast::<CodeData>().expect("MAKE_FUNCTION on a code object");
    let defaults = defaults.first().copied().unwrap_or(StackRef::NULL);
    let kwdefaults = kwdefaults.first().copied().unwrap_or(StackRef::NULL);
    let closure = closure.first().copied().unwrap_or(StackRef::NULL);
    let annotations = annotations.first().copied().unwrap_or(StackRef::NULL);
    let name = new::intern(&code_data.name);
    let qualname = new::intern(&code_data.qualname);
    for v in [defaults, kwdefaults, closure, annotations] {
        heap::incref(v);
    }
    heap::alloc(
        types().function,
        FunctionData {
            code,
            globals: frame.globals,
            name: Cell::new(name),
            qualname: Cell::new(qualname),
            defaults: Cell::new(defaults),
            kwdefaults: Cell::new(kwdefaults),
            version: Cell::new(crate::runtime::call::function_version_for(code, code_data, frame.globals)),
            closure,
            annotations: Cell::new(annotations),
        },
    )
}

/// The callee is the function version the call site was specialized for, and the
/// argument count matches its parameters exactly.
#[inline(always)]
pub fn check_function_exact_args(operand: u64, oparg: u32, callable: StackRef, self_or_null: StackRef) -> bool {
    match callable.downcast::<FunctionData>() {
        Some(f) => {
            f.version.get() as u64 == operand
                && f.code
                    .downcast::<CodeData>()
                    .is_some_and(|code| code.arg_count == oparg + (!self_or_null.is_null()) as u32)
        }
        None => false,
    }
}

/// CALL_KW_PY's guard: the callee is a function of the version the call site was
/// specialized for.
#[inline(always)]
pub fn check_function_version(operand: u64, callable: StackRef) -> bool {
    callable.downcast::<FunctionData>().is_some_and(|f| f.version.get() as u64 == operand)
}

/// CALL_PY_WITH_DEFAULTS's guard: the callee is the function version the call site was
/// specialized for, given fewer arguments than it has parameters, and its defaults
/// supply the rest (the version fixes the code, not the defaults).
#[inline(always)]
pub fn check_function_defaults_args(operand: u64, oparg: u32, callable: StackRef, self_or_null: StackRef) -> bool {
    match callable.downcast::<FunctionData>() {
        Some(f) => {
            f.version.get() as u64 == operand && defaults_complete_call(f, oparg + (!self_or_null.is_null()) as u32)
        }
        None => false,
    }
}

/// Whether `given` positional arguments and the defaults of `f` bind all its positional
/// parameters, with at least one default used.
pub fn defaults_complete_call(f: &FunctionData, given: u32) -> bool {
    let Some(code) = f.code.downcast::<CodeData>() else { return false };
    given < code.arg_count && given as usize + f.default_values().len() >= code.arg_count as usize
}

#[inline(always)]
pub fn check_call_bound_method_exact_args(bound: StackRef, null: StackRef) -> bool {
    null.is_null()
        && bound.downcast::<BoundMethodData>().map(|m| m.func.downcast::<FunctionData>().is_some()).unwrap_or(false)
}

#[inline(always)]
pub fn init_call_bound_method_exact_args(bound: StackRef) -> (StackRef, StackRef) {
    let method = bound.downcast::<BoundMethodData>().expect("checked by the guard");
    (method.func, method.receiver)
}

/// CALL_ALLOC_AND_ENTER_INIT's guard: the callable is the class the call site was
/// specialized for (its type version, the operand), unchanged, with no self slot, and the
/// `__init__` it cached for that version takes self and the arguments. Allocates the
/// instance and returns (`__init__`, the instance) for the class and NULL slots.
#[inline(always)]
pub fn check_and_allocate_object(
    operand: u64,
    oparg: u32,
    callable: StackRef,
    null: StackRef,
) -> Option<(StackRef, StackRef)> {
    if !null.is_null() {
        return None;
    }
    let class = callable.downcast::<TypeData>()?;
    let version = class.version.get();
    let (cached_version, init) = class.init_cache.get();
    if version as u64 != operand || cached_version != version {
        return None;
    }
    let code = init.downcast::<FunctionData>()?.code.downcast::<CodeData>()?;
    if code.arg_count != oparg + 1 {
        return None;
    }
    Some((init, crate::runtime::classes::new_instance(callable)))
}

/// The init-cleanup shim's check of what `__init__` returned.
pub fn exit_init_check(should_be_none: StackRef) -> PyResult<()> {
    if should_be_none == none() {
        return Ok(());
    }
    Err(PyErr::new(
        ExcType::TypeError,
        format!("__init__() should return None, not '{}'", crate::runtime::types::type_name_of(should_be_none)),
    ))
}

/// Positional arguments with the receiver first when there is one.
fn with_receiver(self_or_null: StackRef, args: &[StackRef]) -> Vec<StackRef> {
    let mut all = Vec::with_capacity(args.len() + 1);
    if !self_or_null.is_null() {
        all.push(self_or_null);
    }
    all.extend_from_slice(args);
    all
}

pub fn call_builtin_fast(
    vm: &mut Vm,
    callable: StackRef,
    self_or_null: StackRef,
    args: &[StackRef],
) -> PyResult<Option<StackRef>> {
    let Some(f) = callable.downcast::<BuiltinFunctionData>() else { return Ok(None) };
    let result = if self_or_null.is_null() {
        vm.call_builtin(f, args, &[])?
    } else {
        vm.call_builtin(f, &with_receiver(self_or_null, args), &[])?
    };
    Ok(Some(result))
}

pub fn call_builtin_class(
    vm: &mut Vm,
    callable: StackRef,
    self_or_null: StackRef,
    args: &[StackRef],
) -> PyResult<Option<StackRef>> {
    let Some(t) = callable.downcast::<TypeData>() else { return Ok(None) };
    if t.is_heap_type || !self_or_null.is_null() {
        return Ok(None);
    }
    crate::runtime::classes::call_type(vm, callable, crate::objects::function::Args::positional(args)).map(Some)
}

pub fn call_len(vm: &mut Vm, callable: StackRef, null: StackRef, args: &[StackRef]) -> PyResult<Option<StackRef>> {
    let is_len =
        callable.downcast::<BuiltinFunctionData>().map(|f| f.name == "len" && f.owner.is_null()).unwrap_or(false);
    if !is_len || !null.is_null() || args.len() != 1 {
        return Ok(None);
    }
    let n = crate::ops::len(vm, args[0])?;
    Ok(Some(new::int(n as i64)))
}

pub fn call_isinstance(callable: StackRef, null: StackRef, args: &[StackRef]) -> PyResult<Option<StackRef>> {
    let is_isinstance = callable
        .downcast::<BuiltinFunctionData>()
        .map(|f| f.name == "isinstance" && f.owner.is_null())
        .unwrap_or(false);
    if !is_isinstance || !null.is_null() || args.len() != 2 {
        return Ok(None);
    }
    let classes: Vec<StackRef> = match args[1].downcast::<crate::objects::tuple::TupleData>() {
        Some(t) => t.items.to_vec(),
        None => vec![args[1]],
    };
    if classes.iter().any(|c| c.downcast::<TypeData>().is_none()) {
        return Err(PyErr::new(ExcType::TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }
    Ok(Some(crate::runtime::types::bool_value(classes.iter().any(|c| crate::runtime::types::is_instance(args[0], *c)))))
}

#[inline(always)]
pub fn call_list_append(callable: StackRef, receiver: StackRef, args: &[StackRef]) -> Option<StackRef> {
    let f = callable.downcast::<BuiltinFunctionData>()?;
    if f.name != "append" || f.owner != types().list || args.len() != 1 {
        return None;
    }
    let list = receiver.downcast::<ListData>()?;
    heap::incref(args[0]);
    list.items.borrow_mut().push(args[0]);
    Some(none())
}

pub fn load_build_class(frame: &mut Frame) -> PyResult<StackRef> {
    let builtins = frame.builtins.downcast::<crate::objects::dict::DictData>().expect("builtins dict");
    crate::runtime::types::dict_get_str(builtins, new::intern("__build_class__"))
        .ok_or_else(|| PyErr::new(ExcType::NameError, "__build_class__ not found"))
}
