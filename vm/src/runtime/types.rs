//! The registry of builtin type objects and the immortal singletons, created once per
//! thread by `bootstrap`, plus type queries: `type_of`, `is_subclass`, MRO lookup and
//! type-version management.

use std::cell::{Cell, RefCell};

use crate::heap;
use crate::objects::dict::DictData;
use crate::objects::kind::Kind;
use crate::objects::singletons::{BoolData, EllipsisData, NoneData, NotImplementedData};
use crate::objects::types::TypeData;
use crate::runtime::errors::ExcType;
use crate::value::{Header, StackRef};

pub struct BuiltinTypes {
    pub object: StackRef,
    pub type_: StackRef,
    pub int: StackRef,
    pub bool_: StackRef,
    pub float: StackRef,
    pub complex: StackRef,
    pub bytes: StackRef,
    pub bytearray: StackRef,
    pub bytes_iterator: StackRef,
    pub bytearray_iterator: StackRef,
    pub str_: StackRef,
    pub tuple: StackRef,
    pub list: StackRef,
    pub dict: StackRef,
    pub set: StackRef,
    pub frozenset: StackRef,
    pub set_iterator: StackRef,
    pub range: StackRef,
    pub slice: StackRef,
    pub function: StackRef,
    pub builtin_function: StackRef,
    pub method: StackRef,
    pub code: StackRef,
    pub module: StackRef,
    pub none_type: StackRef,
    pub not_implemented_type: StackRef,
    pub ellipsis_type: StackRef,
    pub range_iterator: StackRef,
    pub list_iterator: StackRef,
    pub tuple_iterator: StackRef,
    pub str_iterator: StackRef,
    pub dict_keyiterator: StackRef,
    pub dict_keys: StackRef,
    pub dict_values: StackRef,
    pub dict_items: StackRef,
    pub enumerate: StackRef,
    pub zip: StackRef,
    pub reversed: StackRef,
    pub map: StackRef,
    pub filter: StackRef,
    pub super_: StackRef,
    pub property: StackRef,
    pub staticmethod: StackRef,
    pub classmethod: StackRef,
    pub generator: StackRef,
    pub coroutine: StackRef,
    pub async_generator: StackRef,
    pub cell: StackRef,
    pub coroutine_wrapper: StackRef,
    pub frame: StackRef,
    pub async_generator_asend: StackRef,
    pub async_generator_athrow: StackRef,
    pub async_generator_wrapped_value: StackRef,
    pub exceptions: Vec<StackRef>,
    pub none: StackRef,
    pub true_: StackRef,
    pub false_: StackRef,
    pub not_implemented: StackRef,
    pub ellipsis: StackRef,
    /// Interned names the runtime looks up often.
    pub dunder: DunderNames,
}

/// Interned dunder names, so hot paths need no interning lookup.
pub struct DunderNames {
    pub init: StackRef,
    pub new: StackRef,
    pub call: StackRef,
}

impl BuiltinTypes {
    pub fn exception(&self, ty: ExcType) -> StackRef {
        self.exceptions[ty as usize]
    }
}

thread_local! {
    static TYPES: Cell<*const BuiltinTypes> = const { Cell::new(std::ptr::null()) };
    static NEXT_TYPE_VERSION: Cell<u32> = const { Cell::new(1) };
}

/// The builtin types of this thread's VM.
#[inline(always)]
pub fn types() -> &'static BuiltinTypes {
    let ptr = TYPES.with(|t| t.get());
    debug_assert!(!ptr.is_null(), "types() before bootstrap");
    // SAFETY: `bootstrap` stores a leaked, never-freed BuiltinTypes before any value
    // exists (so before any caller can reach this), and it is never replaced. This is
    // on every hot path (True, False, None), hence no Option check.
    unsafe { &*ptr }
}

#[inline(always)]
pub fn none() -> StackRef {
    types().none
}
#[inline(always)]
pub fn bool_value(b: bool) -> StackRef {
    if b {
        types().true_
    } else {
        types().false_
    }
}

/// The type object of any value.
#[inline(always)]
pub fn type_of(value: StackRef) -> StackRef {
    match value.header() {
        Some(h) => h.ty.get(),
        None => types().int,
    }
}

pub fn type_data(ty: StackRef) -> &'static TypeData {
    ty.downcast::<TypeData>().expect("a type object")
}

pub fn type_name(ty: StackRef) -> &'static str {
    &type_data(ty).name
}

/// The name of a value's type, for messages.
pub fn type_name_of(value: StackRef) -> &'static str {
    type_name(type_of(value))
}

pub fn is_subclass(sub: StackRef, sup: StackRef) -> bool {
    if sub == sup {
        return true;
    }
    match sub.downcast::<TypeData>() {
        Some(t) => t.mro.borrow().contains(&sup),
        None => false,
    }
}

pub fn is_instance(value: StackRef, ty: StackRef) -> bool {
    is_subclass(type_of(value), ty)
}

/// Looks `name` (an interned str) up along the type's MRO.
pub fn lookup(ty: StackRef, name: StackRef) -> Option<StackRef> {
    let data = type_data(ty);
    for t in data.mro.borrow().iter() {
        let dict = type_data(*t).dict.downcast::<DictData>().expect("type dict");
        if let Some(v) = dict_get_str(dict, name) {
            return Some(v);
        }
    }
    None
}

/// A dict lookup by str key that never runs Python code (str keys compare by value).
pub fn dict_get_str(dict: &DictData, name: StackRef) -> Option<StackRef> {
    let (index, _) = crate::objects::new::dict_find_str(dict, name)?;
    index.map(|i| dict.entry(i).value)
}

/// The current version of a type, assigning one if needed.
pub fn type_version(ty: StackRef) -> u32 {
    let data = type_data(ty);
    if data.version.get() == 0 {
        let v = NEXT_TYPE_VERSION.with(|n| {
            let v = n.get();
            n.set(v.wrapping_add(1).max(1));
            v
        });
        data.version.set(v);
    }
    data.version.get()
}

/// Invalidates the versions of a type and all its subclasses after a change, and the
/// executors watching any of them (`tier1::watchers`).
pub fn type_modified(ty: StackRef) {
    let data = type_data(ty);
    data.version.set(0);
    crate::tier1::watchers::notify(crate::tier1::watchers::Dependency::Type(ty.bits()));
    for sub in data.subclasses.borrow().iter() {
        type_modified(*sub);
    }
}

/// Slot index of an instance attribute name for a class, adding it if `create`.
pub fn shared_key_index(ty: StackRef, name: StackRef, create: bool) -> Option<usize> {
    let data = type_data(ty);
    let mut keys = data.shared_keys.borrow_mut();
    if let Some(i) = keys.iter().position(|k| *k == name) {
        return Some(i);
    }
    if create {
        keys.push(name);
        Some(keys.len() - 1)
    } else {
        None
    }
}

/// Creates a type object (immortal).
pub fn make_type(type_type: StackRef, name: &str, base: StackRef, instance_kind: Kind, is_heap_type: bool) -> StackRef {
    let dict = heap::alloc(type_type_dict_placeholder(type_type), DictData::new());
    heap::make_immortal(dict);
    let data = TypeData {
        name: name.to_string(),
        base,
        mro: RefCell::new(Vec::new()),
        dict,
        version: Cell::new(0),
        instance_kind,
        is_heap_type,
        shared_keys: RefCell::new(Vec::new()),
        subclasses: RefCell::new(Vec::new()),
        init_cache: Cell::new((0, StackRef::NULL)),
        new_cache: Cell::new((0, StackRef::NULL)),
    };
    let ty = heap::alloc(type_type, data);
    heap::make_immortal(ty);
    let mut mro = vec![ty];
    if let Some(b) = base.downcast::<TypeData>() {
        mro.extend(b.mro.borrow().iter().copied());
        b.subclasses.borrow_mut().push(ty);
    }
    type_data(ty).mro.replace(mro);
    ty
}

thread_local! {
    static DICT_TYPE: Cell<StackRef> = const { Cell::new(StackRef::NULL) };
}

fn type_type_dict_placeholder(_type_type: StackRef) -> StackRef {
    DICT_TYPE.with(|d| d.get())
}

fn immortal_singleton<T: crate::value::Payload>(ty: StackRef, data: T) -> StackRef {
    let v = heap::alloc(ty, data);
    heap::make_immortal(v);
    v
}

/// Creates every builtin type and singleton for this thread. Idempotent.
pub fn bootstrap() {
    if TYPES.with(|t| !t.get().is_null()) {
        return;
    }
    // `type` and `object` first; their headers' type pointers are patched afterwards.
    let type_type = make_type(StackRef::NULL, "type", StackRef::NULL, Kind::Type, false);
    let object = make_type(type_type, "object", StackRef::NULL, Kind::Instance, false);
    let type_data_mut = type_data(type_type);
    // SAFETY-free patching through Cells: the type of `type` is `type`, its base `object`.
    set_header_type(type_type, type_type);
    type_data_mut.mro.replace(vec![type_type, object]);
    type_data(object).subclasses.borrow_mut().push(type_type);
    let dict_type = make_type(type_type, "dict", object, Kind::Dict, false);
    DICT_TYPE.with(|d| d.set(dict_type));
    // Patch the dicts created before `dict` existed.
    for t in [type_type, object, dict_type] {
        set_header_type(type_data(t).dict, dict_type);
    }
    let t = |name: &str, kind: Kind| make_type(type_type, name, object, kind, false);
    let int = t("int", Kind::SmallInt);
    let bool_ = make_type(type_type, "bool", int, Kind::Bool, false);
    let none_type = t("NoneType", Kind::None);
    let not_implemented_type = t("NotImplementedType", Kind::NotImplemented);
    let ellipsis_type = t("ellipsis", Kind::Ellipsis);
    let mut exceptions = vec![StackRef::NULL; ExcType::ALL.len()];
    for (exc, name, base) in ExcType::ALL {
        let base_ty = base.map(|b| exceptions[b as usize]).unwrap_or(object);
        exceptions[*exc as usize] = make_type(type_type, name, base_ty, Kind::Exception, false);
    }
    let types = BuiltinTypes {
        object,
        type_: type_type,
        int,
        bool_,
        float: t("float", Kind::Float),
        complex: t("complex", Kind::Complex),
        bytes: t("bytes", Kind::Bytes),
        bytearray: t("bytearray", Kind::ByteArray),
        bytes_iterator: t("bytes_iterator", Kind::BytesIter),
        bytearray_iterator: t("bytearray_iterator", Kind::BytesIter),
        str_: t("str", Kind::Str),
        tuple: t("tuple", Kind::Tuple),
        list: t("list", Kind::List),
        dict: dict_type,
        set: t("set", Kind::Set),
        frozenset: t("frozenset", Kind::Set),
        set_iterator: t("set_iterator", Kind::SetIter),
        range: t("range", Kind::Range),
        slice: t("slice", Kind::Slice),
        function: t("function", Kind::Function),
        builtin_function: t("builtin_function_or_method", Kind::BuiltinFunction),
        method: t("method", Kind::BoundMethod),
        code: t("code", Kind::Code),
        module: t("module", Kind::Module),
        none_type,
        not_implemented_type,
        ellipsis_type,
        range_iterator: t("range_iterator", Kind::RangeIter),
        list_iterator: t("list_iterator", Kind::ListIter),
        tuple_iterator: t("tuple_iterator", Kind::TupleIter),
        str_iterator: t("str_iterator", Kind::StrIter),
        dict_keyiterator: t("dict_keyiterator", Kind::DictIter),
        dict_keys: t("dict_keys", Kind::DictView),
        dict_values: t("dict_values", Kind::DictView),
        dict_items: t("dict_items", Kind::DictView),
        enumerate: t("enumerate", Kind::Enumerate),
        zip: t("zip", Kind::Zip),
        reversed: t("reversed", Kind::Reversed),
        map: t("map", Kind::Map),
        filter: t("filter", Kind::Filter),
        super_: t("super", Kind::Super),
        property: t("property", Kind::Property),
        staticmethod: t("staticmethod", Kind::StaticMethod),
        classmethod: t("classmethod", Kind::ClassMethod),
        generator: t("generator", Kind::Generator),
        coroutine: t("coroutine", Kind::Generator),
        async_generator: t("async_generator", Kind::Generator),
        cell: t("cell", Kind::Cell),
        coroutine_wrapper: t("coroutine_wrapper", Kind::CoroWrapper),
        frame: t("frame", Kind::Frame),
        async_generator_asend: t("async_generator_asend", Kind::AsyncGenASend),
        async_generator_athrow: t("async_generator_athrow", Kind::AsyncGenAThrow),
        async_generator_wrapped_value: t("async_generator_wrapped_value", Kind::AsyncGenWrappedValue),
        exceptions,
        none: immortal_singleton(none_type, NoneData),
        true_: immortal_singleton(bool_, BoolData { value: true }),
        false_: immortal_singleton(bool_, BoolData { value: false }),
        not_implemented: immortal_singleton(not_implemented_type, NotImplementedData),
        ellipsis: immortal_singleton(ellipsis_type, EllipsisData),
        dunder: DunderNames { init: StackRef::NULL, new: StackRef::NULL, call: StackRef::NULL },
    };
    heap::set_float_type(types.float);
    let str_type = types.str_;
    let mut types = types;
    types.dunder = DunderNames {
        init: crate::objects::new::intern_with_type(str_type, "__init__"),
        new: crate::objects::new::intern_with_type(str_type, "__new__"),
        call: crate::objects::new::intern_with_type(str_type, "__call__"),
    };
    let leaked: &'static BuiltinTypes = Box::leak(Box::new(types));
    TYPES.with(|t| t.set(leaked));
}

fn set_header_type(obj: StackRef, ty: StackRef) {
    let header: &Header = obj.header().expect("heap object");
    header.ty.set(ty);
}
