//! `repr()`, `str()` and `format()` of every builtin type exactly as CPython 3.11 prints
//! them (containers recurse, printing `[...]`/`{...}` for self-references; objects
//! without a value repr print `<... object at 0x...>`), and user `__repr__`, `__str__`
//! and `__format__` methods.

use std::cell::RefCell;

use crate::format;
use crate::heap::Handle;
use crate::objects::code::CodeData;
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::function::{BoundMethodData, BuiltinFunctionData, FunctionData};
use crate::objects::int::BigIntData;
use crate::objects::iterators::{DictIterData, DictPart, DictViewData};
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::module::ModuleData;
use crate::objects::new;
use crate::objects::range::RangeData;
use crate::objects::singletons::BoolData;
use crate::objects::slice::SliceData;
use crate::objects::tuple::TupleData;
use crate::objects::types::{ClassMethodData, StaticMethodData, SuperData, TypeData};
use crate::ops::arith::format_error;
use crate::ops::compare::view_elements;
use crate::ops::conversion::{complex_value, float_value, int_ref};
use crate::ops::slots::{call_method, find_special, str_value, DepthGuard, Special};
use crate::runtime::errors::{type_error, value_error, ExcType};
use crate::runtime::types::{dict_get_str, is_subclass, type_data, type_name, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

thread_local! {
    /// Containers whose repr is being computed (CPython's Py_ReprEnter list).
    static REPR_ACTIVE: RefCell<Vec<StackRef>> = const { RefCell::new(Vec::new()) };
}

/// Marks a container as being printed; `None` when it already is (a self-reference).
pub(crate) struct ReprGuard(StackRef);

impl ReprGuard {
    pub(crate) fn enter(v: StackRef) -> Option<ReprGuard> {
        REPR_ACTIVE.with(|active| {
            let mut active = active.borrow_mut();
            if active.contains(&v) {
                None
            } else {
                active.push(v);
                Some(ReprGuard(v))
            }
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_ACTIVE.with(|active| {
            let mut active = active.borrow_mut();
            if let Some(pos) = active.iter().rposition(|v| *v == self.0) {
                active.remove(pos);
            }
        });
    }
}

fn address(v: StackRef) -> String {
    format!("{:#x}", v.bits())
}

/// `repr(v)` as a str object.
pub fn repr(vm: &mut Vm, v: StackRef) -> PyResult<StackRef> {
    if let Some(method) = user_repr(v) {
        return call_repr(vm, method, v);
    }
    native_repr(vm, v).map(new::string)
}

/// `repr(v)` as a Rust string.
pub fn repr_string(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    if v.is_small_int() {
        return Ok(v.small_int_value().to_string());
    }
    if let Some(method) = user_repr(v) {
        let r = call_repr(vm, method, v)?;
        return Ok(str_value(r).unwrap_or_default().to_string());
    }
    native_repr(vm, v)
}

fn user_repr(v: StackRef) -> Option<StackRef> {
    let ty = type_of(v);
    if !type_data(ty).is_heap_type {
        return None;
    }
    match find_special(ty, "__repr__") {
        Special::User(m) => Some(m),
        Special::Builtin(_) => None,
    }
}

fn call_repr(vm: &mut Vm, method: StackRef, v: StackRef) -> PyResult<StackRef> {
    let _depth = DepthGuard::enter(vm, " while getting the repr of an object")?;
    let r = call_method(vm, method, v, &[])?;
    if r.kind() != Kind::Str {
        return Err(type_error(format!("__repr__ returned non-string (type {})", type_name_of(r))));
    }
    Ok(r)
}

/// `ascii(v)`: the repr with non-ASCII characters escaped.
pub fn ascii_string(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    let text = repr_string(vm, v)?;
    if text.is_ascii() {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(c);
        } else if code <= 0xff {
            out.push_str(&format!("\\x{:02x}", code));
        } else if code <= 0xffff {
            out.push_str(&format!("\\u{:04x}", code));
        } else {
            out.push_str(&format!("\\U{:08x}", code));
        }
    }
    Ok(out)
}

/// `str(v)` as a str object.
pub fn str(vm: &mut Vm, v: StackRef) -> PyResult<StackRef> {
    if v.kind() == Kind::Str && type_of(v) == types().str_ {
        return Ok(v);
    }
    match user_str(v) {
        StrSource::User(method) => call_str(vm, method, v),
        StrSource::Repr => repr(vm, v),
        StrSource::Native => native_str(vm, v).map(new::string),
    }
}

/// `str(v)` as a Rust string.
pub fn str_string(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    if v.is_small_int() {
        return Ok(v.small_int_value().to_string());
    }
    match user_str(v) {
        StrSource::User(method) => {
            let r = call_str(vm, method, v)?;
            Ok(str_value(r).unwrap_or_default().to_string())
        }
        StrSource::Repr => repr_string(vm, v),
        StrSource::Native => native_str(vm, v),
    }
}

enum StrSource {
    User(StackRef),
    /// object's `__str__`: the repr.
    Repr,
    /// The builtin str of a kind (str itself, exceptions; others print their repr).
    Native,
}

fn user_str(v: StackRef) -> StrSource {
    let ty = type_of(v);
    if !type_data(ty).is_heap_type {
        return StrSource::Native;
    }
    match find_special(ty, "__str__") {
        Special::User(m) => StrSource::User(m),
        Special::Builtin(t) if t == types().object => StrSource::Repr,
        Special::Builtin(_) => StrSource::Native,
    }
}

fn call_str(vm: &mut Vm, method: StackRef, v: StackRef) -> PyResult<StackRef> {
    let _depth = DepthGuard::enter(vm, " while getting the str of an object")?;
    let r = call_method(vm, method, v, &[])?;
    if r.kind() != Kind::Str {
        return Err(type_error(format!("__str__ returned non-string (type {})", type_name_of(r))));
    }
    Ok(r)
}

fn native_str(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    match v.kind() {
        Kind::Str => Ok(str_value(v).unwrap_or_default().to_string()),
        Kind::Exception => exception_str(vm, v),
        _ => repr_string(vm, v),
    }
}

/// `str(exc)`: '' without args, str of the only arg, else the repr of the args tuple;
/// KeyError prints the repr of its only arg.
fn exception_str(vm: &mut Vm, exc: StackRef) -> PyResult<String> {
    let data = exc.downcast::<ExceptionData>().expect("exception");
    let args = data.args.get();
    let Some(t) = args.downcast::<TupleData>() else {
        return str_string(vm, args);
    };
    match t.items.len() {
        0 => Ok(String::new()),
        1 if is_subclass(type_of(exc), ExcType::KeyError.class()) => repr_string(vm, t.items[0]),
        1 => str_string(vm, t.items[0]),
        _ => repr_string(vm, args),
    }
}

/// The `module.` prefix and qualified name of a class, as reprs print them.
fn class_path(ty: StackRef) -> String {
    let data = type_data(ty);
    if !data.is_heap_type {
        return data.name.clone();
    }
    let dict = data.dict.downcast::<DictData>();
    let entry = |name: &str| dict.and_then(|d| dict_get_str(d, new::intern(name))).and_then(str_value);
    let module = entry("__module__").unwrap_or("__main__");
    let qualname = entry("__qualname__").unwrap_or(&data.name);
    if module == "builtins" {
        qualname.to_string()
    } else {
        format!("{module}.{qualname}")
    }
}

/// `<module.Class object at 0x...>`.
fn default_repr(v: StackRef) -> String {
    format!("<{} object at {}>", class_path(type_of(v)), address(v))
}

/// The builtin reprs, by kind.
fn native_repr(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    match v.kind() {
        Kind::SmallInt => Ok(v.small_int_value().to_string()),
        Kind::BigInt => {
            format::int_to_decimal_string(&v.downcast::<BigIntData>().expect("int").value).map_err(value_error)
        }
        Kind::Bool => {
            Ok(if v.downcast::<BoolData>().map(|b| b.value).unwrap_or(false) { "True" } else { "False" }.into())
        }
        Kind::None => Ok("None".into()),
        Kind::NotImplemented => Ok("NotImplemented".into()),
        Kind::Ellipsis => Ok("Ellipsis".into()),
        Kind::Float => Ok(format::float_repr(float_value(v).unwrap_or(0.0))),
        Kind::Bytes | Kind::ByteArray => Ok(crate::ops::bytes::repr(v)),
        Kind::Complex => Ok(format::complex_repr(complex_value(v).unwrap_or((0.0, 0.0)))),
        Kind::Str => Ok(format::str_repr(str_value(v).unwrap_or_default())),
        Kind::Tuple => tuple_repr(vm, v),
        Kind::List => list_repr(vm, v),
        Kind::Dict => dict_repr(vm, v),
        Kind::Set => crate::ops::sets::set_repr(vm, v),
        Kind::Range => {
            let r = v.downcast::<RangeData>().expect("range");
            Ok(if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            })
        }
        Kind::Slice => {
            let s = v.downcast::<SliceData>().expect("slice");
            Ok(format!(
                "slice({}, {}, {})",
                repr_string(vm, s.start)?,
                repr_string(vm, s.stop)?,
                repr_string(vm, s.step)?
            ))
        }
        Kind::Function => {
            let f = v.downcast::<FunctionData>().expect("function");
            let name = str_value(f.qualname.get()).or_else(|| str_value(f.name.get())).unwrap_or("?");
            Ok(format!("<function {} at {}>", name, address(v)))
        }
        Kind::BuiltinFunction => {
            let f = v.downcast::<BuiltinFunctionData>().expect("builtin");
            Ok(builtin_function_repr(f))
        }
        Kind::BoundMethod => {
            let m = v.downcast::<BoundMethodData>().expect("method");
            let receiver = Handle::new(m.receiver);
            match m.func.downcast::<FunctionData>() {
                Some(f) => {
                    let name =
                        str_value(f.qualname.get()).or_else(|| str_value(f.name.get())).unwrap_or("?").to_string();
                    let _depth = DepthGuard::enter(vm, " while getting the repr of an object")?;
                    Ok(format!("<bound method {} of {}>", name, repr_string(vm, receiver.get())?))
                }
                None => {
                    let name = m.func.downcast::<BuiltinFunctionData>().map(|b| b.name).unwrap_or("?");
                    Ok(format!(
                        "<built-in method {} of {} object at {}>",
                        name,
                        type_name_of(receiver.get()),
                        address(receiver.get())
                    ))
                }
            }
        }
        Kind::Code => {
            let c = v.downcast::<CodeData>().expect("code");
            Ok(format!("<code object {} at {}, file \"{}\", line {}>", c.name, address(v), c.filename, c.first_line))
        }
        Kind::Type => Ok(format!("<class '{}'>", class_path(v))),
        Kind::Module => {
            let m = v.downcast::<ModuleData>().expect("module");
            let file = m
                .dict
                .downcast::<DictData>()
                .and_then(|d| dict_get_str(d, new::intern("__file__")))
                .and_then(str_value);
            Ok(match file {
                Some(path) => format!("<module '{}' from '{}'>", m.name, path),
                None => format!("<module '{}' (built-in)>", m.name),
            })
        }
        Kind::Exception => exception_repr(vm, v),
        Kind::DictView => view_repr(vm, v),
        Kind::DictIter => {
            let part = v.downcast::<DictIterData>().map(|d| d.part).unwrap_or(DictPart::Keys);
            let name = match part {
                DictPart::Keys => "dict_keyiterator",
                DictPart::Values => "dict_valueiterator",
                DictPart::Items => "dict_itemiterator",
            };
            Ok(format!("<{} object at {}>", name, address(v)))
        }
        Kind::Cell => {
            let cell = v.downcast::<crate::objects::cell::CellData>().expect("cell");
            let contents = cell.contents.get();
            if contents.is_null() {
                Ok(format!("<cell at {}: empty>", address(v)))
            } else {
                Ok(format!("<cell at {}: {} object at {}>", address(v), type_name_of(contents), address(contents)))
            }
        }
        Kind::Frame => {
            let frame = v.downcast::<crate::objects::frame::FrameObjectData>().expect("frame");
            let code = frame
                .generator
                .downcast::<crate::objects::generator::GeneratorData>()
                .expect("a generator")
                .code_data();
            let line = crate::runtime::frame_objects::line(vm, frame);
            Ok(format!("<frame at {}, file '{}', line {}, code {}>", address(v), code.filename, line, code.name))
        }
        Kind::Super => {
            let s = v.downcast::<SuperData>().expect("super");
            let class = s.start_after.downcast::<TypeData>().map(|t| t.name.clone()).unwrap_or_else(|| "NULL".into());
            if s.obj.is_null() {
                Ok(format!("<super: <class '{}'>, NULL>", class))
            } else {
                Ok(format!("<super: <class '{}'>, <{} object>>", class, type_name_of(s.obj)))
            }
        }
        Kind::StaticMethod => {
            let f = Handle::new(v.downcast::<StaticMethodData>().expect("staticmethod").0.func);
            Ok(format!("<staticmethod({})>", repr_string(vm, f.get())?))
        }
        Kind::ClassMethod => {
            let f = Handle::new(v.downcast::<ClassMethodData>().expect("classmethod").0.func);
            Ok(format!("<classmethod({})>", repr_string(vm, f.get())?))
        }
        _ => Ok(default_repr(v)),
    }
}

fn builtin_function_repr(f: &BuiltinFunctionData) -> String {
    if f.bound_self.is_heap() && f.bound_self.kind() != Kind::Module {
        return format!(
            "<built-in method {} of {} object at {}>",
            f.name,
            type_name_of(f.bound_self),
            address(f.bound_self)
        );
    }
    if f.owner.is_heap() && f.bound_self.is_null() {
        return format!("<method '{}' of '{}' objects>", f.name, type_name(f.owner));
    }
    format!("<built-in function {}>", f.name)
}

/// `Name('x')`, `Name()` or `Name('a', 1)`.
fn exception_repr(vm: &mut Vm, exc: StackRef) -> PyResult<String> {
    let data = exc.downcast::<ExceptionData>().expect("exception");
    let name = type_name_of(exc);
    let args = data.args.get();
    let _depth = DepthGuard::enter(vm, " while getting the repr of an object")?;
    match args.downcast::<TupleData>() {
        Some(t) if t.items.len() == 1 => Ok(format!("{}({})", name, repr_string(vm, t.items[0])?)),
        Some(_) => Ok(format!("{}{}", name, repr_string(vm, args)?)),
        None => Ok(format!("{}()", name)),
    }
}

/// Joins the reprs of `items` with ", ".
fn join_reprs(vm: &mut Vm, items: &[StackRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_string(vm, *item)?);
    }
    Ok(out)
}

fn tuple_repr(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    let t = v.downcast::<TupleData>().expect("tuple");
    if t.items.is_empty() {
        return Ok("()".into());
    }
    let Some(_guard) = ReprGuard::enter(v) else { return Ok("(...)".into()) };
    let _depth = DepthGuard::enter(vm, " while getting the repr of an object")?;
    let inner = join_reprs(vm, &t.items)?;
    Ok(if t.items.len() == 1 { format!("({},)", inner) } else { format!("({})", inner) })
}

fn list_repr(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    let list = v.downcast::<ListData>().expect("list");
    if list.items.borrow().is_empty() {
        return Ok("[]".into());
    }
    let Some(_guard) = ReprGuard::enter(v) else { return Ok("[...]".into()) };
    let _depth = DepthGuard::enter(vm, " while getting the repr of an object")?;
    let mut out = String::from("[");
    let mut i = 0;
    loop {
        // The list may change while its items' reprs run: read each item afresh.
        let item = match list.items.borrow().get(i) {
            Some(item) => Handle::new(*item),
            None => break,
        };
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_string(vm, item.get())?);
        i += 1;
    }
    out.push(']');
    Ok(out)
}

fn dict_repr(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    let dict = v.downcast::<DictData>().expect("dict");
    if dict.is_empty() {
        return Ok("{}".into());
    }
    let Some(_guard) = ReprGuard::enter(v) else { return Ok("{...}".into()) };
    let _depth = DepthGuard::enter(vm, " while getting the repr of an object")?;
    let entries: Vec<(Handle, Handle)> =
        dict.items().into_iter().map(|(k, v)| (Handle::new(k), Handle::new(v))).collect();
    let mut out = String::from("{");
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_string(vm, key.get())?);
        out.push_str(": ");
        out.push_str(&repr_string(vm, value.get())?);
    }
    out.push('}');
    Ok(out)
}

/// `dict_keys([1, 2])`, `dict_values([...])`, `dict_items([(1, 2)])`.
fn view_repr(vm: &mut Vm, v: StackRef) -> PyResult<String> {
    let view = v.downcast::<DictViewData>().expect("view");
    let name = match view.part {
        DictPart::Keys => "dict_keys",
        DictPart::Values => "dict_values",
        DictPart::Items => "dict_items",
    };
    let Some(_guard) = ReprGuard::enter(v) else { return Ok("...".into()) };
    let _depth = DepthGuard::enter(vm, " while getting the repr of an object")?;
    let elements = view_elements(view);
    let values: Vec<StackRef> = elements.iter().map(Handle::get).collect();
    Ok(format!("{}([{}])", name, join_reprs(vm, &values)?))
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: StackRef, spec: &str) -> PyResult<StackRef> {
    let ty = type_of(v);
    if type_data(ty).is_heap_type {
        if let Special::User(method) = find_special(ty, "__format__") {
            let r = call_method(vm, method, v, &[new::str(spec)])?;
            if r.kind() != Kind::Str {
                return Err(type_error(format!("__format__ must return a str, not {}", type_name_of(r))));
            }
            return Ok(r);
        }
    }
    if spec.is_empty() {
        return str(vm, v);
    }
    let type_name = type_name_of(v);
    let text = match v.kind() {
        Kind::SmallInt | Kind::BigInt | Kind::Bool => {
            let value = int_ref(v).expect("int").to_bigint();
            format::format_int_for_type(&value, spec, type_name)
        }
        Kind::Float => format::format_float_for_type(float_value(v).unwrap_or(0.0), spec, type_name),
        Kind::Complex => format::format_complex(complex_value(v).unwrap_or((0.0, 0.0)), spec),
        Kind::Str => format::format_str_for_type(str_value(v).unwrap_or_default(), spec, type_name),
        _ => return Err(type_error(format!("unsupported format string passed to {}.__format__", type_name))),
    };
    text.map(new::string).map_err(format_error)
}
