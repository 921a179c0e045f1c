//! The builtins module and the methods of the builtin types.
//!
//! `install` fills the VM's builtins dict with the builtin functions, the builtin
//! types and the exception classes, and registers on each builtin type its
//! `__new__` (the constructor called with the class first) and its methods (called
//! with the instance first). Everything here follows CPython 3.11's behaviour and
//! error messages.

pub(crate) mod args;
mod async_generator_methods;
mod bytes_methods;
mod complex_methods;
mod constructors;
mod dict_methods;
pub(crate) mod frame_methods;
pub(crate) mod functions;
pub(crate) mod generator_methods;
mod list_methods;
mod number_methods;
mod set_methods;
mod sort;
mod str_format;
mod str_methods;
pub(crate) mod values;

use crate::heap;
use crate::objects::dict::DictData;
use crate::objects::function::{BuiltinFn, BuiltinFunctionData};
use crate::objects::new;
use crate::runtime::errors::ExcType;
use crate::runtime::types::types;
use crate::runtime::Vm;
use crate::value::StackRef;

/// Fills `vm.builtins` and registers the methods of the builtin types.
pub fn install(vm: &mut Vm) {
    let t = types();
    let builtins = vm.builtins.downcast::<DictData>().expect("the builtins dict");
    let set = |name: &str, value: StackRef| new::dict_set_str(builtins, new::intern(name), value);

    for (name, f) in functions::FUNCTIONS {
        set(name, new::builtin_function(name, *f));
    }
    for (name, ty) in [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("complex", t.complex),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("str", t.str_),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("reversed", t.reversed),
        ("map", t.map),
        ("filter", t.filter),
        ("super", t.super_),
        ("property", t.property),
        ("staticmethod", t.staticmethod),
        ("classmethod", t.classmethod),
    ] {
        set(name, ty);
    }
    for (exc, name, _) in ExcType::ALL {
        set(name, exc.class());
    }
    set("NotImplemented", t.not_implemented);
    set("Ellipsis", t.ellipsis);

    for (ty, f) in constructors::constructors() {
        set_constructor(ty, f);
    }
    set_constructor(t.set, set_methods::set_new);
    set_constructor(t.complex, complex_methods::complex_new);
    set_constructor(t.bytes, bytes_methods::bytes_new);
    set_constructor(t.bytearray, bytes_methods::bytearray_new);
    set_constructor(t.frozenset, set_methods::frozenset_new);
    register_methods();
}

/// Stores `f` as the type's `__new__`: a plain builtin function (not a method
/// descriptor), so that it is never bound and always receives the class explicitly.
fn set_constructor(ty: StackRef, f: BuiltinFn) {
    let func = heap::alloc(
        types().builtin_function,
        BuiltinFunctionData { name: "__new__", func: f, owner: StackRef::NULL, bound_self: StackRef::NULL },
    );
    heap::make_immortal(func);
    new::set_type_attr(ty, "__new__", func);
}

/// Adds each method to the type's dict.
fn add_methods(ty: StackRef, methods: &[(&'static str, BuiltinFn)]) {
    for (name, f) in methods {
        new::add_method(ty, name, *f);
    }
}

/// Adds read-only attributes computed by builtin functions (properties).
fn add_attributes(ty: StackRef, attributes: &[(&'static str, BuiltinFn)]) {
    for (name, f) in attributes {
        let getter = new::builtin_function(name, *f);
        let property = constructors::make_property(types().property, getter, StackRef::NULL);
        heap::make_immortal(property);
        new::set_type_attr(ty, name, property);
    }
}

fn register_methods() {
    let t = types();
    add_methods(t.str_, str_methods::STR_METHODS);
    add_methods(t.list, list_methods::LIST_METHODS);
    add_methods(t.tuple, list_methods::TUPLE_METHODS);
    add_methods(t.dict, dict_methods::DICT_METHODS);
    new::set_type_attr(t.dict, "fromkeys", constructors::builtin_classmethod("fromkeys", dict_methods::dict_fromkeys));
    add_methods(t.int, number_methods::INT_METHODS);
    add_attributes(t.int, number_methods::INT_ATTRIBUTES);
    add_methods(t.float, number_methods::FLOAT_METHODS);
    add_attributes(t.float, number_methods::FLOAT_ATTRIBUTES);
    add_methods(t.complex, complex_methods::COMPLEX_METHODS);
    add_methods(t.bytes, bytes_methods::SHARED_METHODS);
    add_methods(t.bytearray, bytes_methods::SHARED_METHODS);
    add_methods(t.bytearray, bytes_methods::BYTEARRAY_METHODS);
    add_methods(t.str_, &[("encode", bytes_methods::str_encode)]);
    add_methods(t.int, &[("to_bytes", bytes_methods::int_to_bytes)]);
    for ty in [t.bytes, t.bytearray] {
        new::set_type_attr(ty, "fromhex", constructors::builtin_classmethod("fromhex", bytes_methods::fromhex));
    }
    new::set_type_attr(
        t.int,
        "from_bytes",
        constructors::builtin_classmethod("from_bytes", bytes_methods::int_from_bytes),
    );
    add_attributes(t.complex, complex_methods::COMPLEX_ATTRIBUTES);
    add_methods(t.object, &[("__init__", constructors::object_init)]);
    add_methods(
        t.exception(ExcType::BaseException),
        &[("__init__", constructors::exception_init), ("with_traceback", constructors::exception_with_traceback)],
    );
    for (exc, name, f) in [
        (ExcType::SystemExit, "code", constructors::system_exit_code as BuiltinFn),
        (ExcType::StopIteration, "value", constructors::stop_iteration_value as BuiltinFn),
    ] {
        // Both the getter and the setter: called with (exc) or (exc, value).
        let accessor = new::builtin_function(name, f);
        let property = constructors::make_property(types().property, accessor, accessor);
        heap::make_immortal(property);
        new::set_type_attr(t.exception(exc), name, property);
    }
    generator_methods::install();
    set_methods::install();
    async_generator_methods::install();
    frame_methods::install();
    add_methods(
        t.property,
        &[
            ("setter", constructors::property_setter),
            ("getter", constructors::property_getter),
            ("deleter", constructors::property_deleter),
        ],
    );
}
