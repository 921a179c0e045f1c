//! Classes: the class statement (`__build_class__`), calling a type to make an instance
//! (`__new__` then `__init__`), and super().

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::compiler::code::{code_flags, CompiledCode, Location};
use crate::heap::{self, Handle};
use crate::objects::cell::CellData;
use crate::objects::code::CodeData;
use crate::objects::dict::DictData;
use crate::objects::function::{Args, BuiltinFunctionData, FunctionData};
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::types::{InstanceData, SuperData, TypeData};
use crate::opcodes::op;
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
    let body_result = Handle::new(vm.run_top_frame()?);
    let kind = if exception_base { Kind::Exception } else { Kind::Instance };
    let class = make_type(types().type_, &name, base, kind, true);
    let class_dict = type_data(class).dict.downcast::<DictData>().expect("type dict");
    let ns = namespace.get().downcast::<DictData>().expect("namespace");
    let mut class_cell = None;
    for (key, value) in ns.items() {
        if crate::objects::str::text_of(key) == "__classcell__" {
            class_cell = Some(value);
        } else {
            new::dict_set_str(class_dict, key, value);
        }
    }
    // The `__class__` cell of the methods that use super() or __class__ (type.__new__'s
    // `__classcell__`) is filled with the new class.
    if let Some(cell) = class_cell {
        let Some(cell) = cell.downcast::<CellData>() else {
            let cell_type = crate::ops::repr_string(vm, type_of(cell))?;
            return Err(type_error(format!("__classcell__ must be a nonlocal cell, not {cell_type}")));
        };
        heap::replace(&cell.contents, class);
    }
    // The body returns its `__class__` cell (`__build_class__`'s check that the cell
    // reached the class).
    if let Some(cell) = body_result.get().downcast::<CellData>() {
        let contents = cell.contents.get();
        if contents != class {
            let class_repr = crate::ops::repr_string(vm, class)?;
            if contents.is_null() {
                return Err(PyErr::new(
                    ExcType::RuntimeError,
                    format!("__class__ not set defining '{name}' as {class_repr}. Was __classcell__ propagated to type.__new__?"),
                ));
            }
            let contents_repr = crate::ops::repr_string(vm, contents)?;
            return Err(type_error(format!("__class__ set to {contents_repr} defining '{name}' as {class_repr}")));
        }
    }
    new::dict_set_str(class_dict, new::intern("__module__"), new::intern("__main__"));
    Ok(class)
}

/// Creates a bare instance of a user class.
pub fn new_instance(class: StackRef) -> StackRef {
    heap::alloc(class, InstanceData { values: RefCell::new(Vec::new()) })
}

thread_local! {
    /// The init-cleanup shim's code object, made on first use.
    static INIT_CLEANUP_CODE: Cell<StackRef> = const { Cell::new(StackRef::NULL) };
    /// Type version -> version of the `__init__` function CALL_ALLOC_AND_ENTER_INIT
    /// calls for it, recorded when a call site is specialized, so that tier 2 can find
    /// the `__init__` code a specialized class call runs (through the function-by-version
    /// cache). Type versions are never reused.
    static INIT_BY_TYPE_VERSION: RefCell<HashMap<u32, u32>> = RefCell::new(HashMap::new());
}

/// The code of the init-cleanup shim (CPython's `_Py_InitCleanup`): CALL_ALLOC_AND_ENTER_INIT
/// pushes a frame running it under `__init__`'s frame, with the new instance as its only
/// stack item, and sets its return point to 0. `__init__` returns into it; EXIT_INIT_CHECK
/// raises TypeError unless the result is None, and RETURN_VALUE returns the instance to
/// the class's caller. Tracebacks leave the shim out (`Vm::add_traceback`), so that an
/// error in or after `__init__` reads as in CPython. Immortal, one per thread (per VM).
pub fn init_cleanup_code() -> StackRef {
    let existing = INIT_CLEANUP_CODE.with(Cell::get);
    if !existing.is_null() {
        return existing;
    }
    let units = vec![op::EXIT_INIT_CHECK as u16, op::RETURN_VALUE as u16];
    let location = Location { line: 0, end_line: 0, col: 0, end_col: 0 };
    let compiled = CompiledCode {
        name: "__init__".into(),
        qualname: "<init cleanup>".into(),
        filename: "<init cleanup>".into(),
        first_line: 0,
        arg_count: 0,
        posonly_arg_count: 0,
        kwonly_arg_count: 0,
        flags: 0,
        locations: vec![location; units.len()],
        units,
        constants: Vec::new(),
        names: Vec::new(),
        varnames: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        exception_table: Vec::new(),
        // The instance, and __init__'s result above it.
        stack_size: 2,
    };
    let code = crate::runtime::run::code_object(&compiled);
    INIT_CLEANUP_CODE.with(|c| c.set(code));
    code
}

/// Whether `code` is the init-cleanup shim's (without making it).
pub fn is_init_cleanup_code(code: StackRef) -> bool {
    INIT_CLEANUP_CODE.with(Cell::get) == code
}

/// For specializing a call of `class` with `argc` positional arguments as
/// CALL_ALLOC_AND_ENTER_INIT: the class's type version and its `__init__`, or None unless
/// `class` is a plain user class (metaclass `type`, instances made by `object.__new__`)
/// whose `__init__` is a Python function taking exactly self and `argc` arguments.
/// Caches the function in the class for that version (`TypeData::init_cache`) and
/// records the version's `__init__` for tier 2.
pub fn init_for_specialized_call(class: StackRef, argc: u32) -> Option<(u32, StackRef)> {
    let data = class.downcast::<TypeData>()?;
    if !data.is_heap_type || data.instance_kind != Kind::Instance || type_of(class) != types().type_ {
        return None;
    }
    let new = types().dunder.new;
    if lookup(class, new) != lookup(types().object, new) {
        return None;
    }
    let init = lookup(class, types().dunder.init)?;
    let function = init.downcast::<FunctionData>()?;
    let code = function.code.downcast::<CodeData>()?;
    let varargs = code_flags::VARARGS | code_flags::VARKEYWORDS;
    if code.flags & varargs != 0 || code.kwonly_arg_count != 0 || code.arg_count != argc + 1 {
        return None;
    }
    let version = crate::runtime::types::type_version(class);
    data.init_cache.set((version, init));
    INIT_BY_TYPE_VERSION.with(|m| m.borrow_mut().insert(version, function.version.get()));
    Some((version, init))
}

/// The function version of the `__init__` that CALL_ALLOC_AND_ENTER_INIT calls for a
/// class at type version `type_version`, if a call site was specialized for it.
pub fn init_function_version_for_type_version(type_version: u32) -> Option<u32> {
    INIT_BY_TYPE_VERSION.with(|m| m.borrow().get(&type_version).copied())
}

/// A builtin type's `__new__`, from its cache while the type's version is unchanged.
fn builtin_constructor(class: StackRef, data: &TypeData) -> Option<StackRef> {
    let version = crate::runtime::types::type_version(class);
    let (cached_version, cached) = data.new_cache.get();
    if cached_version == version && !cached.is_null() {
        return Some(cached);
    }
    let constructor = lookup(class, types().dunder.new)?;
    data.new_cache.set((version, constructor));
    Some(constructor)
}

/// Calls `callable` with `class` in front of `args`, on the Rust stack for a few
/// arguments (a constructor call is often `reversed(x)` or `tuple(x)`).
fn call_with_class_first(vm: &mut Vm, callable: StackRef, class: StackRef, args: Args<'_>) -> PyResult<StackRef> {
    const INLINE: usize = 6;
    if args.values.len() < INLINE {
        let mut buffer = [StackRef::NULL; INLINE];
        buffer[0] = class;
        buffer[1..=args.values.len()].copy_from_slice(args.values);
        return vm.call_args(callable, Args { values: &buffer[..=args.values.len()], kwnames: args.kwnames });
    }
    let mut values = Vec::with_capacity(args.values.len() + 1);
    values.push(class);
    values.extend_from_slice(args.values);
    vm.call_args(callable, Args { values: &values, kwnames: args.kwnames })
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
        let Some(constructor) = builtin_constructor(class, data) else {
            return Err(type_error(format!("cannot create '{}' instances", data.name)));
        };
        return call_with_class_first(vm, constructor, class, args);
    }
    let user_init = lookup(class, types().dunder.init).filter(|init| {
        init.downcast::<FunctionData>().is_some()
            || init.downcast::<BuiltinFunctionData>().map(|b| b.owner != types().object).unwrap_or(false)
    });
    // A `__new__` written in Python (implicitly static, as in CPython) makes the object;
    // `__init__` then runs only if it returned an instance of the class.
    let user_new = lookup(class, types().dunder.new).filter(|new| new.downcast::<FunctionData>().is_some());
    let instance = if let Some(user_new) = user_new {
        let mut values = Vec::with_capacity(args.values.len() + 1);
        values.push(class);
        values.extend_from_slice(args.values);
        vm.call_args(user_new, Args { values: &values, kwnames: args.kwnames })?
    } else if data.is_heap_type && data.instance_kind == Kind::Instance {
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
pub fn new_super(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let values = args.pos();
    if values.len() > 2 {
        return Err(type_error(format!("super() takes at most 2 arguments ({} given)", values.len())));
    }
    let (cls, obj) = match values {
        [] => super_arguments_from_frame(vm)?,
        [cls, obj] => (*cls, *obj),
        _ => return Err(PyErr::new(ExcType::RuntimeError, "super(): no arguments")),
    };
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

/// The arguments of a zero-argument super(), from the calling frame as CPython finds
/// them: the first argument of the running function (the contents of its cell when it is
/// a cell variable) and the class in its `__class__` free variable.
fn super_arguments_from_frame(vm: &Vm) -> PyResult<(StackRef, StackRef)> {
    let Some(frame) = vm.frames.last() else {
        return Err(PyErr::new(ExcType::RuntimeError, "super(): no current frame"));
    };
    let code = frame.code;
    if code.arg_count == 0 {
        return Err(PyErr::new(ExcType::RuntimeError, "super(): no arguments"));
    }
    let mut first = frame.locals().get(0);
    if code.is_cell_slot(0) {
        first = first.downcast::<CellData>().map_or(StackRef::NULL, |cell| cell.contents.get());
    }
    if first.is_null() {
        return Err(PyErr::new(ExcType::RuntimeError, "super(): arg[0] deleted"));
    }
    let dunder_class = (code.first_free_slot()..code.local_count())
        .find(|slot| crate::objects::str::text_of(code.localsplus_names[*slot]) == "__class__");
    let Some(slot) = dunder_class else {
        return Err(PyErr::new(ExcType::RuntimeError, "super(): __class__ cell not found"));
    };
    let Some(cell) = frame.locals().get(slot).downcast::<CellData>() else {
        return Err(PyErr::new(ExcType::RuntimeError, "super(): bad __class__ cell"));
    };
    let class = cell.contents.get();
    if class.is_null() {
        return Err(PyErr::new(ExcType::RuntimeError, "super(): empty __class__ cell"));
    }
    if class.downcast::<TypeData>().is_none() {
        return Err(PyErr::new(
            ExcType::RuntimeError,
            format!("super(): __class__ is not a type ({})", type_name_of(class)),
        ));
    }
    Ok((class, first))
}
