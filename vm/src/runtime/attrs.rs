//! Generic attribute access: instance values, class attributes along the MRO,
//! functions bound as methods, property/staticmethod/classmethod, modules, super.

use crate::heap;
use crate::objects::cell::CellData;
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::function::{BoundMethodData, BuiltinFunctionData, FunctionData};
use crate::objects::module::ModuleData;
use crate::objects::new;
use crate::objects::str::text_of as text;
use crate::objects::types::{ClassMethodData, InstanceData, PropertyData, StaticMethodData, SuperData, TypeData};
use crate::runtime::errors::{attribute_error, type_error};
use crate::runtime::types::{dict_get_str, lookup, shared_key_index, type_data, type_name, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

fn bound_method(func: StackRef, receiver: StackRef) -> StackRef {
    heap::incref(func);
    heap::incref(receiver);
    heap::alloc(types().method, BoundMethodData { func, receiver })
}

/// The instance-attribute slots of an object, if it has them.
fn instance_values(obj: StackRef) -> Option<&'static std::cell::RefCell<Vec<StackRef>>> {
    if let Some(i) = obj.downcast::<InstanceData>() {
        return Some(&i.values);
    }
    obj.downcast::<ExceptionData>().map(|e| &e.values)
}

fn instance_attr(obj: StackRef, name: StackRef) -> Option<StackRef> {
    let values = instance_values(obj)?;
    let index = shared_key_index(type_of(obj), name, false)?;
    values.borrow().get(index).copied().filter(|v| !v.is_null())
}

impl Vm {
    pub fn get_attr_str(&mut self, obj: StackRef, name: &str) -> PyResult<StackRef> {
        self.get_attr(obj, new::intern(name))
    }

    /// Binds a class attribute found for `obj` (not a type).
    pub(crate) fn bind(&mut self, descr: StackRef, obj: StackRef) -> PyResult<StackRef> {
        if descr.downcast::<FunctionData>().is_some() {
            return Ok(bound_method(descr, obj));
        }
        if let Some(b) = descr.downcast::<BuiltinFunctionData>() {
            if !b.owner.is_null() {
                return Ok(bound_method(descr, obj));
            }
        }
        if let Some(p) = descr.downcast::<PropertyData>() {
            return self.call(p.0.func, &[obj]);
        }
        if let Some(s) = descr.downcast::<StaticMethodData>() {
            return Ok(s.0.func);
        }
        if let Some(c) = descr.downcast::<ClassMethodData>() {
            return Ok(bound_method(c.0.func, type_of(obj)));
        }
        Ok(descr)
    }

    pub fn get_attr(&mut self, obj: StackRef, name: StackRef) -> PyResult<StackRef> {
        if let Some(t) = obj.downcast::<TypeData>() {
            return self.get_type_attr(obj, t, name);
        }
        if let Some(m) = obj.downcast::<ModuleData>() {
            let dict = m.dict.downcast::<DictData>().expect("module dict");
            return dict_get_str(dict, name)
                .ok_or_else(|| attribute_error(format!("module '{}' has no attribute '{}'", m.name, text(name))));
        }
        if let Some(s) = obj.downcast::<SuperData>() {
            return self.get_super_attr(s, name);
        }
        let ty = type_of(obj);
        let descr = lookup(ty, name);
        if let Some(d) = descr {
            if d.downcast::<PropertyData>().is_some() {
                return self.bind(d, obj);
            }
        }
        if let Some(v) = instance_attr(obj, name) {
            return Ok(v);
        }
        if let Some(d) = descr {
            return self.bind(d, obj);
        }
        let key = text(name);
        match (obj.downcast::<ExceptionData>(), key.as_str()) {
            (Some(e), "args") => return Ok(e.args.get()),
            (Some(e), "__cause__") => return Ok(or_none(e.cause.get())),
            (Some(e), "__context__") => return Ok(or_none(e.context.get())),
            (Some(e), "__suppress_context__") => {
                return Ok(crate::runtime::types::bool_value(e.suppress_context.get()))
            }
            _ => {}
        }
        if key == "__class__" {
            return Ok(ty);
        }
        if let Some(f) = obj.downcast::<FunctionData>() {
            match key.as_str() {
                "__name__" => return Ok(f.name.get()),
                "__qualname__" => return Ok(f.qualname.get()),
                "__closure__" => return Ok(or_none(f.closure)),
                "__code__" => return Ok(f.code),
                "__annotations__" => return Ok(function_annotations(f)),
                "__module__" => {
                    let module =
                        f.globals.downcast::<DictData>().and_then(|g| dict_get_str(g, new::intern("__name__")));
                    return Ok(module.unwrap_or(types().none));
                }
                _ => {}
            }
        }
        if let Some(c) = obj.downcast::<crate::objects::code::CodeData>() {
            match key.as_str() {
                "co_name" => return Ok(new::str(&c.name)),
                "co_qualname" => return Ok(new::str(&c.qualname)),
                "co_filename" => return Ok(new::str(&c.filename)),
                "co_firstlineno" => return Ok(new::int(c.first_line as i64)),
                "co_argcount" => return Ok(new::int(c.arg_count as i64)),
                "co_posonlyargcount" => return Ok(new::int(c.posonly_arg_count as i64)),
                "co_kwonlyargcount" => return Ok(new::int(c.kwonly_arg_count as i64)),
                // The flags CPython has (Sidewinder's own sit above them).
                "co_flags" => return Ok(new::int((c.flags & 0xffff) as i64)),
                _ => {}
            }
        }
        if let Some(g) = obj.downcast::<crate::objects::generator::GeneratorData>() {
            match key.as_str() {
                "__name__" => return Ok(g.name.get()),
                "__qualname__" => return Ok(g.qualname.get()),
                _ => {}
            }
        }
        if let Some(cell) = obj.downcast::<CellData>() {
            if key == "cell_contents" {
                let contents = cell.contents.get();
                if contents.is_null() {
                    return Err(crate::PyErr::new(crate::ExcType::ValueError, "Cell is empty"));
                }
                return Ok(contents);
            }
        }
        if let Some(f) = obj.downcast::<BuiltinFunctionData>() {
            if key == "__name__" {
                return Ok(new::intern(f.name));
            }
        }
        Err(attribute_error(format!("'{}' object has no attribute '{}'", type_name(ty), key)))
    }

    fn get_type_attr(&mut self, obj: StackRef, t: &TypeData, name: StackRef) -> PyResult<StackRef> {
        if let Some(d) = lookup(obj, name) {
            if let Some(c) = d.downcast::<ClassMethodData>() {
                return Ok(bound_method(c.0.func, obj));
            }
            if let Some(s) = d.downcast::<StaticMethodData>() {
                return Ok(s.0.func);
            }
            return Ok(d);
        }
        match text(name).as_str() {
            "__name__" | "__qualname__" => return Ok(new::str(&t.name)),
            "__class__" => return Ok(type_of(obj)),
            "__base__" => return Ok(if t.base.is_null() { types().none } else { t.base }),
            "__mro__" => return Ok(new::tuple(t.mro.borrow().clone())),
            "__module__" => return Ok(new::intern(if t.is_heap_type { "__main__" } else { "builtins" })),
            _ => {}
        }
        Err(attribute_error(format!("type object '{}' has no attribute '{}'", t.name, text(name))))
    }

    fn get_super_attr(&mut self, s: &SuperData, name: StackRef) -> PyResult<StackRef> {
        let obj_type = if s.obj.downcast::<TypeData>().is_some() { s.obj } else { type_of(s.obj) };
        let mro = type_data(obj_type).mro.borrow().clone();
        let start = mro.iter().position(|t| *t == s.start_after).map(|p| p + 1).unwrap_or(mro.len());
        for t in &mro[start..] {
            let dict = type_data(*t).dict.downcast::<DictData>().expect("type dict");
            if let Some(d) = dict_get_str(dict, name) {
                if s.obj.downcast::<TypeData>().is_some() {
                    // super() in a classmethod: bind as the class's own lookup would.
                    if let Some(c) = d.downcast::<ClassMethodData>() {
                        return Ok(bound_method(c.0.func, s.obj));
                    }
                    if let Some(st) = d.downcast::<StaticMethodData>() {
                        return Ok(st.0.func);
                    }
                    return Ok(d);
                }
                return self.bind(d, s.obj);
            }
        }
        Err(attribute_error(format!("'super' object has no attribute '{}'", text(name))))
    }

    /// The method form of LOAD_ATTR: (function, self) when the attribute is a plain
    /// function on the type that no instance attribute shadows, else (attribute, NULL).
    pub fn load_method(&mut self, obj: StackRef, name: StackRef) -> PyResult<(StackRef, StackRef)> {
        if obj.downcast::<TypeData>().is_none()
            && obj.downcast::<ModuleData>().is_none()
            && obj.downcast::<SuperData>().is_none()
        {
            if let Some(d) = lookup(type_of(obj), name) {
                let plain_function = d.downcast::<FunctionData>().is_some()
                    || d.downcast::<BuiltinFunctionData>().map(|b| !b.owner.is_null()).unwrap_or(false);
                if plain_function && instance_attr(obj, name).is_none() {
                    return Ok((d, obj));
                }
            }
        }
        Ok((self.get_attr(obj, name)?, StackRef::NULL))
    }

    pub fn set_attr(&mut self, obj: StackRef, name: StackRef, value: StackRef) -> PyResult<()> {
        if let Some(t) = obj.downcast::<TypeData>() {
            if !t.is_heap_type {
                return Err(type_error(format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    text(name),
                    t.name
                )));
            }
            let dict = t.dict.downcast::<DictData>().expect("type dict");
            new::dict_set_str(dict, name, value);
            crate::runtime::types::type_modified(obj);
            return Ok(());
        }
        if text(name) == "__class__" {
            // Changing an object's class is not supported: refuse rather than store an
            // ordinary attribute that would leave type(obj) unchanged.
            return Err(crate::PyErr::new(
                crate::ExcType::NotImplementedError,
                "assigning to __class__ is not supported yet",
            ));
        }
        if let Some(cell) = obj.downcast::<CellData>() {
            if text(name) == "cell_contents" {
                heap::replace(&cell.contents, value);
                return Ok(());
            }
        }
        if let Some(e) = obj.downcast::<ExceptionData>() {
            if set_exception_link(e, &text(name), value)? {
                return Ok(());
            }
        }
        if obj.downcast::<FunctionData>().is_some() && text(name) == "__closure__" {
            return Err(attribute_error("readonly attribute"));
        }
        let ty = type_of(obj);
        if let Some(d) = lookup(ty, name) {
            if let Some(p) = d.downcast::<PropertyData>() {
                let setter = p.0.setter.get();
                if setter.is_null() || setter == types().none {
                    return Err(attribute_error(format!(
                        "property '{}' of '{}' object has no setter",
                        text(name),
                        type_name(ty)
                    )));
                }
                self.call(setter, &[obj, value])?;
                return Ok(());
            }
        }
        if let Some(values) = instance_values(obj) {
            let known = shared_key_index(ty, name, false).is_some();
            let index = shared_key_index(ty, name, true).expect("created");
            if !known {
                // A new instance attribute may shadow a method: specialized loads guard
                // on the type version, so change it.
                crate::runtime::types::type_modified(ty);
            }
            heap::incref(value);
            let old = {
                let mut v = values.borrow_mut();
                if v.len() <= index {
                    v.resize(index + 1, StackRef::NULL);
                }
                std::mem::replace(&mut v[index], value)
            };
            heap::decref(old);
            return Ok(());
        }
        if let Some(m) = obj.downcast::<ModuleData>() {
            new::dict_set_str(m.dict.downcast::<DictData>().expect("module dict"), name, value);
            return Ok(());
        }
        Err(attribute_error(format!("'{}' object has no attribute '{}'", type_name(ty), text(name))))
    }

    pub fn del_attr(&mut self, obj: StackRef, name: StackRef) -> PyResult<()> {
        if let Some(t) = obj.downcast::<TypeData>() {
            if t.is_heap_type {
                let removed = crate::ops::dict_del(self, t.dict, name)?;
                crate::runtime::types::type_modified(obj);
                if removed.is_some() {
                    return Ok(());
                }
            }
            return Err(attribute_error(format!("type object '{}' has no attribute '{}'", t.name, text(name))));
        }
        if let Some(cell) = obj.downcast::<CellData>() {
            if text(name) == "cell_contents" {
                heap::replace(&cell.contents, StackRef::NULL);
                return Ok(());
            }
        }
        let ty = type_of(obj);
        if let Some(values) = instance_values(obj) {
            if let Some(index) = shared_key_index(ty, name, false) {
                let old = {
                    let mut v = values.borrow_mut();
                    match v.get_mut(index) {
                        Some(slot) if !slot.is_null() => std::mem::replace(slot, StackRef::NULL),
                        _ => StackRef::NULL,
                    }
                };
                if !old.is_null() {
                    heap::decref(old);
                    return Ok(());
                }
            }
        }
        Err(attribute_error(format!("'{}' object has no attribute '{}'", type_name(ty), text(name))))
    }
}

fn or_none(v: StackRef) -> StackRef {
    if v.is_null() {
        types().none
    } else {
        v
    }
}

/// A function's `__annotations__` dict, made on first access from the tuple of names
/// and values MAKE_FUNCTION stored (or empty), and kept, as CPython does.
fn function_annotations(f: &FunctionData) -> StackRef {
    let current = f.annotations.get();
    if current.kind() == crate::objects::kind::Kind::Dict {
        return current;
    }
    let dict = crate::heap::Handle::new(new::dict());
    if let Some(pairs) = current.downcast::<crate::objects::tuple::TupleData>() {
        for pair in pairs.items.chunks(2) {
            crate::objects::new::dict_set_str(dict.get().downcast::<DictData>().expect("a dict"), pair[0], pair[1]);
        }
    }
    crate::heap::incref(dict.get());
    crate::heap::decref(current);
    f.annotations.set(dict.get());
    dict.get()
}

/// Assigning an exception's `__cause__` (which also sets `__suppress_context__`, as
/// `raise ... from` does), `__context__` or `__suppress_context__`, with CPython's
/// checks; false for any other name.
fn set_exception_link(e: &ExceptionData, name: &str, value: StackRef) -> PyResult<bool> {
    let is_exception_or_none = |v: StackRef| {
        v == types().none
            || crate::runtime::types::is_instance(v, crate::runtime::errors::ExcType::BaseException.class())
    };
    match name {
        "__cause__" | "__context__" => {
            if !is_exception_or_none(value) {
                let what = if name == "__cause__" { "cause" } else { "context" };
                return Err(type_error(format!("exception {what} must be None or derive from BaseException")));
            }
            let link = if value == types().none { StackRef::NULL } else { value };
            if name == "__cause__" {
                heap::replace(&e.cause, link);
                e.suppress_context.set(true);
            } else {
                heap::replace(&e.context, link);
            }
            Ok(true)
        }
        "__suppress_context__" => {
            if value.kind() != crate::objects::kind::Kind::Bool {
                return Err(type_error("attribute value type must be bool"));
            }
            e.suppress_context.set(value == types().true_);
            Ok(true)
        }
        _ => Ok(false),
    }
}
