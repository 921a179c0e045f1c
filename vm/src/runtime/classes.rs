//! Classes: the class statement (`__build_class__`), calling a type to make an instance
//! (`__new__` then `__init__`), and super().

use std::cell::RefCell;

use crate::heap::{self, Handle};
use crate::objects::dict::DictData;
use crate::objects::function::{Args, BuiltinFunctionData, FunctionData};
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::types::{InstanceData, SuperData, TypeData};
use crate::runtime::errors::{type_error, ExcType, PyErr};
use crate::runtime::types::{is_subclass, lookup, make_type, type_data, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// `__build_class__(func, name, *bases)`: runs the class body in a fresh namespace
/// and makes the class from it.
pub fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let values = args.pos();
    if values.len() < 2 || !args.kwnames.is_empty() {
        return Err(type_error("class definitions with keywords (such as metaclass=) are not supported yet"));
    }
    let body = values[0];
    let name = crate::objects::str::text_of(values[1]);
    let bases = &values[2..];
    if bases.len() > 1 {
        return Err(type_error("multiple inheritance is not supported yet"));
    }
    let base = bases.first().copied().unwrap_or(types().object);
    let Some(base_data) = base.downcast::<TypeData>() else {
        return Err(type_error("bases must be types"));
    };
    let exception_base = is_subclass(base, ExcType::BaseException.class());
    if !base_data.is_heap_type && base != types().object && !exception_base {
        return Err(type_error(format!("subclassing '{}' is not supported yet", base_data.name)));
    }
    let namespace = Handle::new(new::dict());
    vm.push_function_frame(body, Args::positional(&[]))?;
    vm.frames.last_mut().expect("class body frame").locals_dict = namespace.get();
    vm.run_top_frame()?;
    let kind = if exception_base { Kind::Exception } else { Kind::Instance };
    let class = make_type(types().type_, &name, base, kind, true);
    let class_dict = type_data(class).dict.downcast::<DictData>().expect("type dict");
    let ns = namespace.get().downcast::<DictData>().expect("namespace");
    for (key, value) in ns.items() {
        new::dict_set_str(class_dict, key, value);
        if let Some(func) = value.downcast::<FunctionData>() {
            heap::replace(&func.defining_class, class);
        }
        let wrapped = match value.kind() {
            Kind::StaticMethod => value.downcast::<crate::objects::types::StaticMethodData>().map(|s| s.0.func),
            Kind::ClassMethod => value.downcast::<crate::objects::types::ClassMethodData>().map(|s| s.0.func),
            Kind::Property => value.downcast::<crate::objects::types::PropertyData>().map(|s| s.0.func),
            _ => None,
        };
        if let Some(func) = wrapped.and_then(|w| w.downcast::<FunctionData>()) {
            heap::replace(&func.defining_class, class);
        }
    }
    new::dict_set_str(class_dict, new::intern("__module__"), new::intern("__main__"));
    Ok(class)
}

/// Creates a bare instance of a user class.
pub fn new_instance(class: StackRef) -> StackRef {
    heap::alloc(class, InstanceData { values: RefCell::new(Vec::new()) })
}

/// Calling a type: `type(x)`, builtin constructors, user classes.
pub fn call_type(vm: &mut Vm, class: StackRef, args: Args<'_>) -> PyResult<StackRef> {
    if class == types().type_ {
        if args.values.len() == 1 && args.kwnames.is_empty() {
            return Ok(type_of(args.values[0]));
        }
        return Err(type_error("type() with 3 arguments is not supported yet"));
    }
    if class == types().super_ {
        return new_super(vm, args);
    }
    let data = class.downcast::<TypeData>().expect("a type");
    if !data.is_heap_type && data.instance_kind != Kind::Exception {
        // Builtin types build the whole value in `__new__` (int(x), range(n), ...).
        let Some(constructor) = lookup(class, types().dunder.new) else {
            return Err(type_error(format!("cannot create '{}' instances", data.name)));
        };
        let mut values = Vec::with_capacity(args.values.len() + 1);
        values.push(class);
        values.extend_from_slice(args.values);
        return vm.call_args(constructor, Args { values: &values, kwnames: args.kwnames });
    }
    let user_init = lookup(class, types().dunder.init).filter(|init| {
        init.downcast::<FunctionData>().is_some()
            || init.downcast::<BuiltinFunctionData>().map(|b| b.owner != types().object).unwrap_or(false)
    });
    let instance = if data.is_heap_type && data.instance_kind == Kind::Instance {
        if user_init.is_none() && !args.values.is_empty() {
            return Err(type_error(format!("{}() takes no arguments", data.name)));
        }
        new_instance(class)
    } else {
        let Some(constructor) = lookup(class, types().dunder.new) else {
            return Err(type_error(format!("cannot create '{}' instances", data.name)));
        };
        let mut values = Vec::with_capacity(args.values.len() + 1);
        values.push(class);
        values.extend_from_slice(args.values);
        vm.call_args(constructor, Args { values: &values, kwnames: args.kwnames })?
    };
    if let Some(init) = user_init {
        if crate::runtime::types::is_instance(instance, class) {
            let keep = Handle::new(instance);
            let mut values = Vec::with_capacity(args.values.len() + 1);
            values.push(keep.get());
            values.extend_from_slice(args.values);
            let result = vm.call_args(init, Args { values: &values, kwnames: args.kwnames })?;
            if result != types().none {
                return Err(type_error(format!("__init__() should return None, not '{}'", type_name_of(result))));
            }
            return Ok(keep.get());
        }
    }
    Ok(instance)
}

/// super() / super(cls, obj).
pub fn new_super(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let values = args.pos();
    if values.len() != 2 {
        return Err(PyErr::new(ExcType::RuntimeError, "super(): no arguments"));
    }
    let (cls, obj) = (values[0], values[1]);
    if cls.downcast::<TypeData>().is_none() {
        return Err(type_error(format!("super() argument 1 must be a type, not {}", type_name_of(cls))));
    }
    let obj_type = if obj.downcast::<TypeData>().is_some() { obj } else { type_of(obj) };
    if !is_subclass(obj_type, cls) {
        return Err(type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    heap::incref(cls);
    heap::incref(obj);
    Ok(heap::alloc(types().super_, SuperData { start_after: cls, obj }))
}
