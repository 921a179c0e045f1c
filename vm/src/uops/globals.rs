//! Global, builtin and class-body name access, and imports.

use crate::objects::dict::DictData;
use crate::objects::str::{text_of, StrData};
use crate::runtime::errors::{ExcType, PyErr};
use crate::runtime::types::dict_get_str;
use crate::runtime::{Frame, Vm};
use crate::uops::Keys;
use crate::value::StackRef;
use crate::PyResult;

fn name_of(vm: &Vm, index: u32) -> StackRef {
    vm.frame().code.names[index as usize]
}

fn dict_of(value: StackRef) -> &'static DictData {
    value.downcast::<DictData>().expect("a dict")
}

pub(crate) fn name_error(name: StackRef) -> PyErr {
    let text = text_of(name);
    PyErr::new(ExcType::NameError, format!("name '{text}' is not defined"))
}

/// Looks a name up in globals, then builtins.
pub fn lookup_global(vm: &mut Vm, name: StackRef) -> PyResult<StackRef> {
    let frame = vm.frame();
    if let Some(v) = dict_get_str(dict_of(frame.globals), name) {
        return Ok(v);
    }
    if let Some(v) = dict_get_str(dict_of(frame.builtins), name) {
        return Ok(v);
    }
    Err(name_error(name))
}

pub fn load_global(vm: &mut Vm, oparg: u32) -> PyResult<StackRef> {
    let name = name_of(vm, oparg >> 1);
    lookup_global(vm, name)
}

#[inline(always)]
pub fn guard_globals_version_push_keys(frame: &mut Frame, operand: u64) -> Option<Keys> {
    let globals = dict_of(frame.globals);
    if globals.keys_version.get() as u64 == operand {
        Some(globals)
    } else {
        None
    }
}

#[inline(always)]
pub fn guard_globals_version(frame: &mut Frame, operand: u64) -> bool {
    dict_of(frame.globals).keys_version.get() as u64 == operand
}

#[inline(always)]
pub fn guard_builtins_version_push_keys(frame: &mut Frame, operand: u64) -> Option<Keys> {
    let builtins = dict_of(frame.builtins);
    if builtins.keys_version.get() as u64 == operand {
        Some(builtins)
    } else {
        None
    }
}

#[inline(always)]
pub fn load_global_module_from_keys(operand: u64, globals_keys: Keys) -> Option<StackRef> {
    globals_keys.value_at(operand as usize)
}

#[inline(always)]
pub fn load_global_builtins_from_keys(operand: u64, builtins_keys: Keys) -> Option<StackRef> {
    builtins_keys.value_at(operand as usize)
}

pub fn store_global(vm: &mut Vm, oparg: u32, value: StackRef) -> PyResult<()> {
    let name = name_of(vm, oparg);
    let globals = vm.frame().globals;
    crate::objects::new::dict_set_str(dict_of(globals), name, value);
    Ok(())
}

pub fn delete_global(vm: &mut Vm, oparg: u32) -> PyResult<()> {
    let name = name_of(vm, oparg);
    let globals = vm.frame().globals;
    match crate::ops::dict_del(vm, globals, name)? {
        Some(_) => Ok(()),
        None => Err(name_error(name)),
    }
}

pub fn load_name(vm: &mut Vm, oparg: u32) -> PyResult<StackRef> {
    let name = name_of(vm, oparg);
    let ns = vm.frame().locals_dict;
    if ns.is_heap() {
        if let Some(v) = dict_get_str(dict_of(ns), name) {
            return Ok(v);
        }
    }
    lookup_global(vm, name)
}

pub fn store_name(vm: &mut Vm, oparg: u32, value: StackRef) -> PyResult<()> {
    let name = name_of(vm, oparg);
    let frame = vm.frame();
    let ns = if frame.locals_dict.is_heap() { frame.locals_dict } else { frame.globals };
    crate::objects::new::dict_set_str(dict_of(ns), name, value);
    Ok(())
}

pub fn setup_annotations(vm: &mut Vm) -> PyResult<()> {
    let frame = vm.frame();
    let ns = if frame.locals_dict.is_heap() { frame.locals_dict } else { frame.globals };
    let name = crate::objects::new::intern("__annotations__");
    if crate::runtime::types::dict_get_str(dict_of(ns), name).is_none() {
        let annotations = crate::heap::Handle::new(crate::objects::new::dict());
        crate::objects::new::dict_set_str(dict_of(ns), name, annotations.get());
    }
    Ok(())
}

pub fn delete_name(vm: &mut Vm, oparg: u32) -> PyResult<()> {
    let name = name_of(vm, oparg);
    let frame = vm.frame();
    let ns = if frame.locals_dict.is_heap() { frame.locals_dict } else { frame.globals };
    match crate::ops::dict_del(vm, ns, name)? {
        Some(_) => Ok(()),
        None => Err(name_error(name)),
    }
}

pub fn import_name(vm: &mut Vm, oparg: u32) -> PyResult<StackRef> {
    let name = name_of(vm, oparg);
    let text = name.downcast::<StrData>().expect("str name").value.to_string();
    crate::modules::import(vm, &text)
}

pub fn import_from(vm: &mut Vm, oparg: u32, module: StackRef) -> PyResult<StackRef> {
    let name = name_of(vm, oparg);
    match vm.get_attr(module, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(ExcType::AttributeError) => {
            let text = text_of(name);
            let module_name =
                module.downcast::<crate::objects::module::ModuleData>().map(|m| m.name.clone()).unwrap_or_default();
            Err(PyErr::new(
                ExcType::ImportError,
                format!("cannot import name '{text}' from '{module_name}' (unknown location)"),
            ))
        }
        Err(e) => Err(e),
    }
}
