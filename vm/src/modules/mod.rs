//! The builtin modules: math, sys and time. `import` returns a module from the
//! VM's registry, creating it on first use. Modules and their dicts are immortal.

mod math;
mod sys;
mod time;

use crate::heap;
use crate::objects::dict::DictData;
use crate::objects::function::BuiltinFn;
use crate::objects::module::ModuleData;
use crate::objects::new;
use crate::runtime::errors::{ExcType, PyErr};
use crate::runtime::types::types;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// The module named `name`: from `vm.modules`, or created if it is a builtin module.
pub fn import(vm: &mut Vm, name: &str) -> PyResult<StackRef> {
    if let Some(module) = vm.modules.get(name) {
        return Ok(*module);
    }
    let module = match name {
        "math" => math::create(),
        "sys" => sys::create(vm),
        "time" => time::create(),
        _ => return Err(PyErr::new(ExcType::ModuleNotFoundError, format!("No module named '{name}'"))),
    };
    vm.modules.insert(name.to_string(), module);
    Ok(module)
}

/// Builds a module's attribute dict as modules are built: name first, then items.
pub(crate) struct ModuleBuilder {
    name: String,
    dict: StackRef,
}

impl ModuleBuilder {
    pub(crate) fn new(name: &str) -> ModuleBuilder {
        let dict = new::dict();
        heap::make_immortal(dict);
        let builder = ModuleBuilder { name: name.to_string(), dict };
        builder.value("__name__", new::intern(name));
        builder
    }

    /// Sets an attribute (the value gets a counted reference from the dict).
    pub(crate) fn value(&self, name: &str, value: StackRef) -> &ModuleBuilder {
        let dict = self.dict.downcast::<DictData>().expect("module dict");
        new::dict_set_str(dict, new::intern(name), value);
        self
    }

    /// Adds builtin functions.
    pub(crate) fn functions(&self, functions: &[(&'static str, BuiltinFn)]) -> &ModuleBuilder {
        for (name, f) in functions {
            self.value(name, new::builtin_function(name, *f));
        }
        self
    }

    /// The module object (immortal).
    pub(crate) fn finish(self) -> StackRef {
        let module = heap::alloc(types().module, ModuleData { name: self.name, dict: self.dict });
        heap::make_immortal(module);
        module
    }
}
