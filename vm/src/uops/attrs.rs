//! Attribute access: LOAD_ATTR, STORE_ATTR, DELETE_ATTR and their specializations.

use crate::heap;
use crate::objects::dict::DictData;
use crate::objects::module::ModuleData;
use crate::objects::types::{InstanceData, TypeData};
use crate::runtime::types::type_of;
use crate::runtime::Vm;
use crate::uops::Keys;
use crate::value::StackRef;
use crate::PyResult;

fn name_of(vm: &Vm, index: u32) -> StackRef {
    vm.frame().code.names[index as usize]
}

/// The generic load; with oparg&1 it is a method load that fills `self_or_null`.
pub fn load_attr(vm: &mut Vm, oparg: u32, owner: StackRef, self_or_null: &mut [StackRef]) -> PyResult<StackRef> {
    let name = name_of(vm, oparg >> 1);
    if oparg & 1 == 1 {
        let (method, receiver) = vm.load_method(owner, name)?;
        self_or_null[0] = receiver;
        Ok(method)
    } else {
        vm.get_attr(owner, name)
    }
}

/// The version of a value's type (0 when unversioned, which never matches a guard).
#[inline(always)]
fn version_of_type(ty: StackRef) -> u64 {
    ty.downcast::<TypeData>().map_or(0, |t| t.version.get() as u64)
}

#[inline(always)]
pub fn guard_type_version(operand: u64, owner: StackRef) -> bool {
    version_of_type(type_of(owner)) == operand
}

#[inline(always)]
pub fn load_attr_instance_value(operand: u64, owner: StackRef) -> Option<StackRef> {
    let inst = owner.downcast::<InstanceData>()?;
    let value = inst.values.borrow().get(operand as usize).copied()?;
    if value.is_null() {
        None
    } else {
        Some(value)
    }
}

#[inline(always)]
pub fn load_attr_method(operand: u64, owner: StackRef) -> (StackRef, StackRef) {
    (StackRef::from_bits(operand as usize), owner)
}

#[inline(always)]
pub fn check_attr_module_push_keys(operand: u64, owner: StackRef) -> Option<Keys> {
    let module = owner.downcast::<ModuleData>()?;
    let dict = module.dict.downcast::<DictData>()?;
    if dict.keys_version.get() as u64 == operand {
        Some(dict)
    } else {
        None
    }
}

#[inline(always)]
pub fn load_attr_module_from_keys(operand: u64, module_keys: Keys) -> Option<StackRef> {
    module_keys.value_at(operand as usize)
}

#[inline(always)]
pub fn check_attr_class(operand: u64, owner: StackRef) -> bool {
    owner.downcast::<TypeData>().map(|t| t.version.get() as u64 == operand).unwrap_or(false)
}

#[inline(always)]
pub fn load_attr_class(operand: u64) -> StackRef {
    StackRef::from_bits(operand as usize)
}

pub fn store_attr(vm: &mut Vm, oparg: u32, value: StackRef, owner: StackRef) -> PyResult<()> {
    let name = name_of(vm, oparg);
    vm.set_attr(owner, name, value)
}

#[inline(always)]
pub fn store_attr_instance_value(operand: u64, value: StackRef, owner: StackRef) {
    let inst = owner.downcast::<InstanceData>().expect("guarded by the type version");
    let index = operand as usize;
    heap::incref(value);
    let old = {
        let mut values = inst.values.borrow_mut();
        if values.len() <= index {
            values.resize(index + 1, StackRef::NULL);
        }
        std::mem::replace(&mut values[index], value)
    };
    heap::decref(old);
}

pub fn delete_attr(vm: &mut Vm, oparg: u32, owner: StackRef) -> PyResult<()> {
    let name = name_of(vm, oparg);
    vm.del_attr(owner, name)
}
