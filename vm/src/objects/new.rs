//! Constructors for builtin values, and string interning.

use std::cell::RefCell;

use hashbrown::HashMap;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::heap;
use crate::objects::cell::CellData;
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::int::BigIntData;
use crate::objects::list::ListData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::runtime::types::types;
use crate::value::StackRef;

thread_local! {
    /// Interned strs by text. Runtime paths intern the names they look up (special
    /// methods, method calls), so this map uses hashbrown's fast default hasher.
    static INTERNED: RefCell<HashMap<Box<str>, StackRef>> = RefCell::new(HashMap::default());
}

/// A new cell holding `contents` (NULL for an empty cell).
pub fn cell(contents: StackRef) -> StackRef {
    heap::incref(contents);
    heap::alloc(types().cell, CellData { contents: std::cell::Cell::new(contents) })
}

/// A new str.
pub fn str(value: &str) -> StackRef {
    heap::alloc(types().str_, StrData::new(value.into()))
}

/// A new str taking ownership of a String.
pub fn string(value: String) -> StackRef {
    heap::alloc(types().str_, StrData::new(value.into_boxed_str()))
}

/// The interned (immortal, unique) str for `value`.
pub fn intern(value: &str) -> StackRef {
    intern_with_type(types().str_, value)
}

/// `intern`, given the str type (for bootstrap, before `types()` is available).
pub fn intern_with_type(str_type: StackRef, value: &str) -> StackRef {
    if let Some(v) = INTERNED.with(|m| m.borrow().get(value).copied()) {
        return v;
    }
    let v = heap::alloc(str_type, StrData::new(value.into()));
    heap::make_immortal(v);
    INTERNED.with(|m| m.borrow_mut().insert(value.into(), v));
    v
}

/// The hash of a str (cached in the object).
pub fn str_hash(s: &StrData) -> i64 {
    let cached = s.hash.get();
    if cached != 0 {
        return cached;
    }
    let h = bytes_hash(s.value.as_bytes());
    s.hash.set(h);
    h
}

/// The hash of a byte string (a str hashes its UTF-8 bytes, so an ASCII str and the
/// bytes with its characters hash equal, as in CPython): FNV-1a, folded so that it is
/// never 0 or -1.
pub fn bytes_hash(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == 0 || h == -1 {
        2
    } else {
        h
    }
}

/// An int value from an i64 (tagged when it fits, else a big int).
#[inline]
pub fn int(value: i64) -> StackRef {
    match StackRef::small_int(value) {
        Some(v) => v,
        None => heap::alloc(types().int, BigIntData { value: BigInt::from(value) }),
    }
}

/// An int value from a BigInt, normalized to tagged form when it fits.
pub fn bigint(value: BigInt) -> StackRef {
    if let Some(small) = value.to_i64().and_then(StackRef::small_int) {
        return small;
    }
    heap::alloc(types().int, BigIntData { value })
}

#[inline]
pub fn float(value: f64) -> StackRef {
    heap::new_float(value)
}

pub fn bytes(value: Vec<u8>) -> StackRef {
    heap::alloc(types().bytes, crate::objects::bytes::BytesData { value: value.into_boxed_slice() })
}

pub fn bytearray(value: Vec<u8>) -> StackRef {
    heap::alloc(types().bytearray, crate::objects::bytes::ByteArrayData { value: std::cell::RefCell::new(value) })
}

pub fn complex(real: f64, imag: f64) -> StackRef {
    heap::alloc(types().complex, crate::objects::complex::ComplexData { real, imag })
}

pub fn tuple(items: Vec<StackRef>) -> StackRef {
    for item in &items {
        heap::incref(*item);
    }
    heap::alloc(types().tuple, TupleData { items: items.into_boxed_slice() })
}

pub fn list(items: Vec<StackRef>) -> StackRef {
    for item in &items {
        heap::incref(*item);
    }
    heap::alloc(types().list, ListData { items: RefCell::new(items) })
}

pub fn dict() -> StackRef {
    heap::alloc(types().dict, DictData::new())
}

/// A new exception instance of class `class` with the given args.
pub fn exception(class: StackRef, args: &[StackRef]) -> StackRef {
    let args = tuple(args.to_vec());
    heap::incref(args);
    heap::alloc(
        class,
        ExceptionData {
            args: std::cell::Cell::new(args),
            values: RefCell::new(Vec::new()),
            traceback: RefCell::new(Vec::new()),
            cause: std::cell::Cell::new(StackRef::NULL),
            context: std::cell::Cell::new(StackRef::NULL),
            suppress_context: std::cell::Cell::new(false),
        },
    )
}

/// A builtin function object (immortal: builtins live as long as the VM).
pub fn builtin_function(name: &'static str, func: crate::objects::function::BuiltinFn) -> StackRef {
    let f = heap::alloc(
        types().builtin_function,
        crate::objects::function::BuiltinFunctionData { name, func, owner: StackRef::NULL, bound_self: StackRef::NULL },
    );
    heap::make_immortal(f);
    f
}

/// Adds a method implemented in Rust to a builtin type's dict. The method receives the
/// instance as its first argument.
pub fn add_method(ty: StackRef, name: &'static str, func: crate::objects::function::BuiltinFn) {
    let f = heap::alloc(
        types().builtin_function,
        crate::objects::function::BuiltinFunctionData { name, func, owner: ty, bound_self: StackRef::NULL },
    );
    heap::make_immortal(f);
    set_type_attr(ty, name, f);
}

/// Stores a value in a type's dict by name (for bootstrap and builtins; no Python code).
pub fn set_type_attr(ty: StackRef, name: &str, value: StackRef) {
    let key = intern(name);
    let data = crate::runtime::types::type_data(ty);
    let dict = data.dict.downcast::<DictData>().expect("type dict");
    dict_set_str(dict, key, value);
    crate::runtime::types::type_modified(ty);
}

/// The entry index of a str key, found without running Python code (str keys compare
/// by value), with the key's hash. None when `key` is not a str.
pub fn dict_find_str(dict: &DictData, key: StackRef) -> Option<(Option<usize>, i64)> {
    let s = key.downcast::<StrData>()?;
    let hash = str_hash(s);
    let found =
        dict.find_with(hash, |k| k == key || k.downcast::<StrData>().map(|o| o.value == s.value).unwrap_or(false));
    Some((found, hash))
}

/// Sets a str-keyed entry without running Python code.
pub fn dict_set_str(dict: &DictData, key: StackRef, value: StackRef) {
    match dict_find_str(dict, key).expect("str key") {
        (Some(i), _) => dict.set_value_at(i, value),
        (None, hash) => dict.insert_new(hash, key, value),
    }
}
