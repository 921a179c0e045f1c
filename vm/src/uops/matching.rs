//! The uops of `match` statements: the structural checks (MATCH_MAPPING,
//! MATCH_SEQUENCE), GET_LEN, MATCH_KEYS (a mapping pattern's values) and MATCH_CLASS (a
//! class pattern's attributes), as CPython 3.11's ceval.c does them.

use crate::heap::Handle;
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::tuple::TupleData;
use crate::ops;
use crate::runtime::errors::{type_error, value_error, ExcType};
use crate::runtime::types::{bool_value, is_instance, is_subclass, none, type_name, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// MATCH_MAPPING: whether the subject is a mapping (dict and its subclasses: the types
/// with CPython's Py_TPFLAGS_MAPPING that exist here).
pub fn match_mapping(subject: StackRef) -> StackRef {
    bool_value(subject.kind() == Kind::Dict)
}

/// MATCH_SEQUENCE: whether the subject is a sequence for matching (list, tuple, range
/// and their subclasses; never str).
pub fn match_sequence(subject: StackRef) -> StackRef {
    bool_value(matches!(subject.kind(), Kind::List | Kind::Tuple | Kind::Range))
}

/// GET_LEN: pushes `len(obj)`, keeping obj.
pub fn get_len(vm: &mut Vm, obj: StackRef) -> PyResult<StackRef> {
    let n = ops::len(vm, obj)?;
    Ok(new::int(n as i64))
}

/// MATCH_KEYS: the values of the mapping for the keys tuple, as a tuple, or None when a
/// key is missing. Lookups use the mapping's `get` (so `__missing__` is not called); a
/// key repeated at run time is a ValueError.
pub fn match_keys(vm: &mut Vm, subject: StackRef, keys: StackRef) -> PyResult<StackRef> {
    let keys_tuple = keys.downcast::<TupleData>().expect("MATCH_KEYS takes a tuple of keys");
    if keys_tuple.items.is_empty() {
        return Ok(new::tuple(Vec::new()));
    }
    let values = Handle::new(new::list(Vec::new()));
    let seen = Handle::new(crate::ops::sets::new_set(false));
    let exact_dict = type_of(subject) == types().dict;
    let getter = if exact_dict { None } else { Some(Handle::new(vm.get_attr_str(subject, "get")?)) };
    // A fresh object no mapping holds: `get` returns it for a missing key.
    let missing = Handle::new(new::list(Vec::new()));
    for &key in keys_tuple.items.iter() {
        if ops::contains(vm, seen.get(), key)? {
            let shown = ops::repr_string(vm, key)?;
            return Err(value_error(format!("mapping pattern checks duplicate key ({shown})")));
        }
        crate::ops::sets::set_add(vm, seen.get(), key)?;
        let value = match &getter {
            None => ops::dict_get(vm, subject, key)?,
            Some(get) => {
                let v = vm.call(get.get(), &[key, missing.get()])?;
                (v != missing.get()).then_some(v)
            }
        };
        let Some(value) = value else { return Ok(none()) };
        super::build::list_append(values.get(), value);
    }
    let items = values.get().downcast::<ListData>().expect("list").items.borrow().clone();
    Ok(new::tuple(items))
}

/// The builtin types a class pattern with one positional sub-pattern matches as a
/// whole (CPython's _Py_TPFLAGS_MATCH_SELF), subclasses included.
fn matches_self(cls: StackRef) -> bool {
    let t = types();
    [t.int, t.float, t.str_, t.tuple, t.list, t.dict, t.set, t.frozenset].iter().any(|&base| is_subclass(cls, base))
}

/// `subject.name` for a class pattern, None when the attribute is missing; a name asked
/// for twice is a TypeError.
fn class_attribute(
    vm: &mut Vm,
    subject: StackRef,
    cls: StackRef,
    name: StackRef,
    seen: StackRef,
) -> PyResult<Option<StackRef>> {
    if ops::contains(vm, seen, name)? {
        let shown = ops::repr_string(vm, name)?;
        return Err(type_error(format!("{}() got multiple sub-patterns for attribute {shown}", type_name(cls))));
    }
    crate::ops::sets::set_add(vm, seen, name)?;
    match vm.get_attr(subject, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(ExcType::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// MATCH_CLASS n: when the subject is an instance of cls, the tuple of its attributes for
/// the n positional sub-patterns (named by `cls.__match_args__`, or the subject itself
/// for the builtin types that match themselves) and for the keyword names; else None.
pub fn match_class(vm: &mut Vm, oparg: u32, subject: StackRef, cls: StackRef, names: StackRef) -> PyResult<StackRef> {
    if cls.kind() != Kind::Type {
        return Err(type_error("called match pattern must be a type"));
    }
    if !is_instance(subject, cls) {
        return Ok(none());
    }
    let nargs = oparg as usize;
    let attrs = Handle::new(new::list(Vec::new()));
    let seen = Handle::new(crate::ops::sets::new_set(false));
    let push = |v: StackRef| super::build::list_append(attrs.get(), v);
    if nargs > 0 {
        let match_args = match vm.get_attr_str(cls, "__match_args__") {
            Ok(m) => {
                if m.kind() != Kind::Tuple {
                    return Err(type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        type_name(cls),
                        type_name_of(m)
                    )));
                }
                Some(Handle::new(m))
            }
            Err(e) if e.matches(ExcType::AttributeError) => None,
            Err(e) => return Err(e),
        };
        let match_self = match_args.is_none() && matches_self(cls);
        let names_len = match_args.as_ref().map_or(0, |m| m.get().downcast::<TupleData>().expect("tuple").items.len());
        let allowed = if match_self { 1 } else { names_len };
        if allowed < nargs {
            return Err(type_error(format!(
                "{}() accepts {} positional sub-pattern{} ({} given)",
                type_name(cls),
                allowed,
                if allowed == 1 { "" } else { "s" },
                nargs
            )));
        }
        if match_self {
            push(subject);
        } else if let Some(match_args) = &match_args {
            for i in 0..nargs {
                let name = match_args.get().downcast::<TupleData>().expect("tuple").items[i];
                if name.kind() != Kind::Str {
                    return Err(type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        type_name_of(name)
                    )));
                }
                match class_attribute(vm, subject, cls, name, seen.get())? {
                    Some(v) => push(v),
                    None => return Ok(none()),
                }
            }
        }
    }
    let keyword_names = names.downcast::<TupleData>().expect("MATCH_CLASS takes a tuple of names");
    for &name in keyword_names.items.iter() {
        match class_attribute(vm, subject, cls, name, seen.get())? {
            Some(v) => push(v),
            None => return Ok(none()),
        }
    }
    let items = attrs.get().downcast::<ListData>().expect("list").items.borrow().clone();
    Ok(new::tuple(items))
}
