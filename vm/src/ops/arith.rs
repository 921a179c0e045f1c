//! Binary and unary arithmetic: CPython's `PyNumber_*` protocol (`binary_op1`,
//! `binary_iop1`, the sequence concat/repeat fallbacks) over the number slots of int,
//! bool and float, `str % args`, `dict | dict`, and user `__add__`/`__radd__`/`__iadd__`
//! methods with NotImplemented handling.
//!
//! Ints are tagged 63-bit values or big ints; every operation computes in i64 with
//! checked arithmetic and redoes the operation on big ints when it overflows, so results
//! never wrap (`new::int`/`new::bigint` normalize back to the tagged form).

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use crate::format;
use crate::heap::{self, Handle};
use crate::objects::dict::DictData;
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops::conversion::{as_ssize, complex_value, float_value, has_index, int_ref, IntRef};
use crate::ops::slots::{call_method, find_special, is_builtin_type, is_not_implemented, Special};
use crate::runtime::errors::{overflow_error, type_error, value_error, zero_division, ExcType, PyErr};
use crate::runtime::types::{bool_value, is_subclass, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// Binary operator codes (CPython's NB_* oparg of BINARY_OP); `INPLACE_OFFSET + code`
/// is the in-place form.
pub mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    pub const INPLACE_OFFSET: u32 = 13;
}

/// The operator symbols of the NB codes, as error messages spell them.
pub const NB_NAMES: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];

const DUNDER: [&str; 13] = [
    "__add__",
    "__and__",
    "__floordiv__",
    "__lshift__",
    "__matmul__",
    "__mul__",
    "__mod__",
    "__or__",
    "__pow__",
    "__rshift__",
    "__sub__",
    "__truediv__",
    "__xor__",
];
const RDUNDER: [&str; 13] = [
    "__radd__",
    "__rand__",
    "__rfloordiv__",
    "__rlshift__",
    "__rmatmul__",
    "__rmul__",
    "__rmod__",
    "__ror__",
    "__rpow__",
    "__rrshift__",
    "__rsub__",
    "__rtruediv__",
    "__rxor__",
];
const IDUNDER: [&str; 13] = [
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imul__",
    "__imod__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
];

/// Largest result (in elements or bytes) a repetition may build before MemoryError.
pub(crate) const MAX_REPEAT_SIZE: u128 = 1 << 33;

/// BINARY_OP: `lhs <op> rhs` for op codes 0..=25 (13.. are the in-place forms).
pub fn binary_op(vm: &mut Vm, op: u32, lhs: StackRef, rhs: StackRef) -> PyResult<StackRef> {
    if op >= nb::INPLACE_OFFSET {
        let base = op - nb::INPLACE_OFFSET;
        if base >= nb::INPLACE_OFFSET {
            return Err(PyErr::new(ExcType::RuntimeError, format!("unknown binary operator {op}")));
        }
        return inplace_op(vm, base, lhs, rhs);
    }
    if lhs.is_small_int() && rhs.is_small_int() {
        if let Some(r) = int_binary(op, IntRef::Small(lhs.small_int_value()), IntRef::Small(rhs.small_int_value()))? {
            return Ok(r);
        }
    }
    if let (Some(x), Some(y)) = (exact_float(lhs), exact_float(rhs)) {
        if let Some(r) = float_binary(op, x, y)? {
            return Ok(r);
        }
    }
    if op == nb::ADD {
        if let (Some(x), Some(y)) = (exact_str(lhs), exact_str(rhs)) {
            return Ok(str_concat(x, y));
        }
    }
    if let Some(r) = binary_op1(vm, op, lhs, rhs)? {
        return Ok(r);
    }
    sequence_fallback(vm, op, lhs, rhs, false)
}

fn exact_float(v: StackRef) -> Option<f64> {
    let f = float_value(v)?;
    if type_of(v) == types().float {
        Some(f)
    } else {
        None
    }
}

fn exact_str(v: StackRef) -> Option<&'static StrData> {
    let s = v.downcast::<StrData>()?;
    if type_of(v) == types().str_ {
        Some(s)
    } else {
        None
    }
}

/// CPython's `binary_op1`: tries `a.__op__(b)` and `b.__rop__(a)` in the right order
/// (the reflected method first when type(b) is a proper subclass of type(a) that
/// overrides it). `Ok(None)` when both return NotImplemented (or do not exist).
fn binary_op1(vm: &mut Vm, op: u32, a: StackRef, b: StackRef) -> PyResult<Option<StackRef>> {
    let i = op as usize;
    binary_protocol(vm, a, b, DUNDER[i], RDUNDER[i], |vm, a, b| native_binary(vm, op, a, b))
}

/// The binary protocol for a pair of method names; `native` is the builtin behaviour
/// (selected by both operands' kinds, so one call covers both operand orders).
fn binary_protocol(
    vm: &mut Vm,
    a: StackRef,
    b: StackRef,
    name: &'static str,
    reflected_name: &'static str,
    native: impl Fn(&mut Vm, StackRef, StackRef) -> PyResult<Option<StackRef>>,
) -> PyResult<Option<StackRef>> {
    let ta = type_of(a);
    let tb = type_of(b);
    let slot_a = find_special(ta, name);
    let mut slot_b = if ta != tb { Some(find_special(tb, reflected_name)) } else { None };
    if matches!((slot_a, slot_b), (Special::Builtin(_), Some(Special::Builtin(_)))) {
        slot_b = None;
    }
    if let Some(Special::User(method_b)) = slot_b {
        if is_subclass(tb, ta) && find_special(ta, reflected_name) != Special::User(method_b) {
            let r = call_method(vm, method_b, b, &[a])?;
            if !is_not_implemented(r) {
                return Ok(Some(r));
            }
            slot_b = None;
        }
    }
    match slot_a {
        Special::User(method) => {
            let r = call_method(vm, method, a, &[b])?;
            if !is_not_implemented(r) {
                return Ok(Some(r));
            }
        }
        Special::Builtin(_) => {
            if let Some(r) = native(vm, a, b)? {
                return Ok(Some(r));
            }
        }
    }
    match slot_b {
        Some(Special::User(method)) => {
            let r = call_method(vm, method, b, &[a])?;
            if !is_not_implemented(r) {
                return Ok(Some(r));
            }
        }
        Some(Special::Builtin(_)) => {
            if let Some(r) = native(vm, a, b)? {
                return Ok(Some(r));
            }
        }
        None => {}
    }
    Ok(None)
}

/// `divmod(a, b)`.
pub fn divmod(vm: &mut Vm, a: StackRef, b: StackRef) -> PyResult<StackRef> {
    if let Some(r) = binary_protocol(vm, a, b, "__divmod__", "__rdivmod__", native_divmod)? {
        return Ok(r);
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name_of(a),
        type_name_of(b)
    )))
}

fn native_divmod(_vm: &mut Vm, a: StackRef, b: StackRef) -> PyResult<Option<StackRef>> {
    if let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) {
        let q = int_binary(nb::FLOOR_DIVIDE, x, y)?.expect("int floor division");
        let r = int_binary(nb::REMAINDER, x, y)?.expect("int remainder");
        return Ok(Some(new::tuple(vec![q, r])));
    }
    let as_float = |v: StackRef| -> PyResult<Option<f64>> {
        match (float_value(v), int_ref(v)) {
            (Some(f), _) => Ok(Some(f)),
            (None, Some(i)) => i.to_f64().map(Some),
            _ => Ok(None),
        }
    };
    if float_value(a).is_none() && float_value(b).is_none() {
        return Ok(None);
    }
    match (as_float(a)?, as_float(b)?) {
        (Some(x), Some(y)) => {
            let (q, r) = format::float_divmod(x, y).map_err(format_error)?;
            Ok(Some(new::tuple(vec![new::float(q), new::float(r)])))
        }
        _ => Ok(None),
    }
}

/// `pow(base, exponent, modulus)`; a None (or NULL) modulus is `base ** exponent`.
pub fn power(vm: &mut Vm, base: StackRef, exponent: StackRef, modulus: StackRef) -> PyResult<StackRef> {
    if modulus.is_null() || modulus == crate::runtime::types::none() {
        return binary_op(vm, nb::POWER, base, exponent);
    }
    if let (Some(x), Some(e), Some(m)) = (int_ref(base), int_ref(exponent), int_ref(modulus)) {
        return int_mod_pow(x, e, m);
    }
    if let Special::User(method) = find_special(type_of(base), "__pow__") {
        let r = call_method(vm, method, base, &[exponent, modulus])?;
        if !is_not_implemented(r) {
            return Ok(r);
        }
    }
    if [base, exponent].iter().any(|v| v.kind() == Kind::Complex)
        && [base, exponent].iter().all(|v| as_complex(*v).is_ok_and(|z| z.is_some()))
    {
        return Err(value_error("complex modulo"));
    }
    let is_number = |v: StackRef| int_ref(v).is_some() || float_value(v).is_some();
    if [base, exponent, modulus].iter().any(|v| float_value(*v).is_some())
        && [base, exponent, modulus].iter().all(|v| is_number(*v))
    {
        return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    Err(type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_name_of(base),
        type_name_of(exponent),
        type_name_of(modulus)
    )))
}

/// Three-argument pow for ints (a negative exponent uses the modular inverse).
fn int_mod_pow(base: IntRef, exponent: IntRef, modulus: IntRef) -> PyResult<StackRef> {
    if modulus.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let m = modulus.to_bigint();
    let m_abs = BigInt::from(m.magnitude().clone());
    let mut b = base.to_bigint().mod_floor(&m_abs);
    let mut e = exponent.to_bigint();
    if e < BigInt::zero() {
        b = mod_inverse(&b, &m_abs).ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = b.modpow(&e, &m_abs);
    if m < BigInt::zero() && !r.is_zero() {
        r += &m;
    }
    Ok(new::bigint(r))
}

/// The inverse of `a` modulo `m` (m > 0), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::from(1), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    if old_r != BigInt::from(1) {
        return None;
    }
    Some(old_s.mod_floor(m))
}

/// `abs(v)`.
pub fn absolute(vm: &mut Vm, v: StackRef) -> PyResult<StackRef> {
    if v.is_small_int() {
        return Ok(new::int(v.small_int_value().abs()));
    }
    match find_special(type_of(v), "__abs__") {
        Special::User(m) => call_method(vm, m, v, &[]),
        Special::Builtin(_) => {
            if let Some(i) = int_ref(v) {
                return Ok(match i {
                    IntRef::Small(x) => new::int(x.abs()),
                    IntRef::Big(b) => new::bigint(num_traits::Signed::abs(b)),
                });
            }
            if let Some(f) = float_value(v) {
                return Ok(new::float(f.abs()));
            }
            if let Some(z) = complex_value(v) {
                return Ok(new::float(format::complex_abs(z).map_err(format_error)?));
            }
            Err(type_error(format!("bad operand type for abs(): '{}'", type_name_of(v))))
        }
    }
}

/// The in-place operators: `__iop__` (and the builtin in-place behaviours), then the
/// plain operator, then the sequence fallbacks (list `+=` extends in place).
fn inplace_op(vm: &mut Vm, op: u32, a: StackRef, b: StackRef) -> PyResult<StackRef> {
    if a.is_small_int() && b.is_small_int() {
        if let Some(r) = int_binary(op, IntRef::Small(a.small_int_value()), IntRef::Small(b.small_int_value()))? {
            return Ok(r);
        }
    }
    if let (Some(x), Some(y)) = (exact_float(a), exact_float(b)) {
        if let Some(r) = float_binary(op, x, y)? {
            return Ok(r);
        }
    }
    match find_special(type_of(a), IDUNDER[op as usize]) {
        Special::User(method) => {
            let r = call_method(vm, method, a, &[b])?;
            if !is_not_implemented(r) {
                return Ok(r);
            }
        }
        Special::Builtin(_) => {
            if op == nb::OR && a.kind() == Kind::Dict {
                crate::ops::mapping::dict_update(vm, a, b)?;
                return Ok(a);
            }
            if a.kind() == Kind::Set && crate::ops::sets::set_inplace(vm, op, a, b)? {
                return Ok(a);
            }
        }
    }
    if let Some(r) = binary_op1(vm, op, a, b)? {
        return Ok(r);
    }
    sequence_fallback(vm, op, a, b, true)
}

fn is_sequence_kind(v: StackRef) -> bool {
    matches!(v.kind(), Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray)
}

/// After the number protocol failed: sequence concatenation and repetition (through the
/// left operand for `+`, either operand for `*`), else the TypeError.
fn sequence_fallback(vm: &mut Vm, op: u32, a: StackRef, b: StackRef, inplace: bool) -> PyResult<StackRef> {
    if op == nb::ADD && is_sequence_kind(a) {
        return sequence_concat(vm, a, b, inplace);
    }
    if op == nb::MULTIPLY {
        if is_sequence_kind(a) {
            return sequence_repeat(vm, a, b, inplace);
        }
        if is_sequence_kind(b) {
            return sequence_repeat(vm, b, a, false);
        }
    }
    Err(unsupported(op, a, b, inplace))
}

/// "unsupported operand type(s) for +: 'int' and 'str'".
fn unsupported(op: u32, a: StackRef, b: StackRef, inplace: bool) -> PyErr {
    let symbol = NB_NAMES[op as usize];
    let symbol = match (op, inplace) {
        (nb::POWER, false) => "** or pow()".to_string(),
        (_, true) => format!("{symbol}="),
        _ => symbol.to_string(),
    };
    type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", symbol, type_name_of(a), type_name_of(b)))
}

fn str_concat(a: &StrData, b: &StrData) -> StackRef {
    if b.value.is_empty() {
        return new::str(&a.value);
    }
    let mut s = String::with_capacity(a.value.len() + b.value.len());
    s.push_str(&a.value);
    s.push_str(&b.value);
    new::string(s)
}

fn concat_error(a: StackRef, b: StackRef) -> PyErr {
    type_error(format!("can only concatenate {} (not \"{}\") to {}", type_name_of(a), type_name_of(b), type_name_of(a)))
}

/// `a + b` (or `a += b`) for a str, list or tuple `a`.
fn sequence_concat(vm: &mut Vm, a: StackRef, b: StackRef, inplace: bool) -> PyResult<StackRef> {
    match a.kind() {
        Kind::ByteArray if inplace => crate::ops::bytes::extend_in_place(a, b),
        Kind::Bytes | Kind::ByteArray => crate::ops::bytes::concat(a, b),
        Kind::Str => {
            let x = a.downcast::<StrData>().expect("str");
            match b.downcast::<StrData>() {
                Some(y) => Ok(str_concat(x, y)),
                None => Err(concat_error_named("str", b)),
            }
        }
        Kind::List => {
            let list = a.downcast::<ListData>().expect("list");
            if inplace {
                list_extend(vm, list, b)?;
                return Ok(a);
            }
            match b.downcast::<ListData>() {
                Some(other) => {
                    let mut items = list.items.borrow().clone();
                    items.extend_from_slice(&other.items.borrow());
                    Ok(new::list(items))
                }
                None => Err(concat_error_named("list", b)),
            }
        }
        Kind::Tuple => {
            let t = a.downcast::<TupleData>().expect("tuple");
            match b.downcast::<TupleData>() {
                Some(other) => {
                    if other.items.is_empty() && type_of(a) == types().tuple {
                        return Ok(a);
                    }
                    if t.items.is_empty() && type_of(b) == types().tuple {
                        return Ok(b);
                    }
                    let mut items = Vec::with_capacity(t.items.len() + other.items.len());
                    items.extend_from_slice(&t.items);
                    items.extend_from_slice(&other.items);
                    Ok(new::tuple(items))
                }
                None => Err(concat_error_named("tuple", b)),
            }
        }
        _ => Err(concat_error(a, b)),
    }
}

fn concat_error_named(name: &str, b: StackRef) -> PyErr {
    type_error(format!("can only concatenate {} (not \"{}\") to {}", name, type_name_of(b), name))
}

/// list.extend(iterable) semantics, used by `+=`.
pub(crate) fn list_extend(vm: &mut Vm, list: &ListData, iterable: StackRef) -> PyResult<()> {
    let new_items: Vec<StackRef> = match iterable.kind() {
        Kind::List => iterable.downcast::<ListData>().expect("list").items.borrow().clone(),
        Kind::Tuple => iterable.downcast::<TupleData>().expect("tuple").items.to_vec(),
        _ => {
            let handles = crate::ops::iteration::collect(vm, iterable)?;
            let values: Vec<StackRef> = handles.iter().map(|h| h.get()).collect();
            for v in &values {
                heap::incref(*v);
            }
            list.items.borrow_mut().extend_from_slice(&values);
            return Ok(());
        }
    };
    for v in &new_items {
        heap::incref(*v);
    }
    list.items.borrow_mut().extend_from_slice(&new_items);
    Ok(())
}

/// `seq * count` (or `seq *= count`) for a str, list or tuple `seq`.
fn sequence_repeat(vm: &mut Vm, seq: StackRef, count: StackRef, inplace: bool) -> PyResult<StackRef> {
    if !has_index(count) {
        return Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name_of(count))));
    }
    let n = as_ssize(vm, count, Some(ExcType::OverflowError))?.unwrap_or(0).max(0) as u128;
    match seq.kind() {
        Kind::Str => {
            let s = seq.downcast::<StrData>().expect("str");
            if n == 1 && type_of(seq) == types().str_ {
                return Ok(seq);
            }
            let total = s.value.len() as u128 * n;
            if total > i64::MAX as u128 {
                return Err(overflow_error("repeated string is too long"));
            }
            if total > MAX_REPEAT_SIZE {
                return Err(PyErr::bare(ExcType::MemoryError));
            }
            Ok(new::string(s.value.repeat(n as usize)))
        }
        Kind::List => {
            let list = seq.downcast::<ListData>().expect("list");
            let items = list.items.borrow().clone();
            let total = items.len() as u128 * n;
            if total > MAX_REPEAT_SIZE {
                return Err(PyErr::bare(ExcType::MemoryError));
            }
            if inplace {
                if n == 0 {
                    let old = std::mem::take(&mut *list.items.borrow_mut());
                    for v in old {
                        heap::decref(v);
                    }
                } else if n > 1 {
                    let mut extra = Vec::with_capacity(items.len() * (n as usize - 1));
                    for _ in 1..n {
                        extra.extend_from_slice(&items);
                    }
                    for v in &extra {
                        heap::incref(*v);
                    }
                    list.items.borrow_mut().extend_from_slice(&extra);
                }
                return Ok(seq);
            }
            Ok(new::list(items.repeat(n as usize)))
        }
        Kind::Tuple => {
            let t = seq.downcast::<TupleData>().expect("tuple");
            if n == 1 && type_of(seq) == types().tuple {
                return Ok(seq);
            }
            let total = t.items.len() as u128 * n;
            if total > MAX_REPEAT_SIZE {
                return Err(PyErr::bare(ExcType::MemoryError));
            }
            Ok(new::tuple(t.items.repeat(n as usize)))
        }
        Kind::Bytes | Kind::ByteArray => crate::ops::bytes::repeat(seq, n, inplace),
        _ => Err(unsupported(nb::MULTIPLY, seq, count, inplace)),
    }
}

/// The builtin binary behaviours, selected by the operands' kinds: numbers, `str % x`,
/// `dict | dict`. `Ok(None)` is NotImplemented.
fn native_binary(vm: &mut Vm, op: u32, a: StackRef, b: StackRef) -> PyResult<Option<StackRef>> {
    if a.kind() == Kind::Complex || b.kind() == Kind::Complex {
        if let Some(r) = complex_binary(op, a, b)? {
            return Ok(Some(r));
        }
    }
    if let Some(x) = int_ref(a) {
        if let Some(y) = int_ref(b) {
            if a.kind() == Kind::Bool && b.kind() == Kind::Bool && matches!(op, nb::AND | nb::OR | nb::XOR) {
                let (p, q) = (!x.is_zero(), !y.is_zero());
                let r = match op {
                    nb::AND => p & q,
                    nb::OR => p | q,
                    _ => p ^ q,
                };
                return Ok(Some(bool_value(r)));
            }
            return int_binary(op, x, y);
        }
        if let Some(fy) = float_value(b) {
            if !float_supports(op) {
                return Ok(None);
            }
            return float_binary(op, x.to_f64()?, fy);
        }
        return Ok(None);
    }
    if let Some(fx) = float_value(a) {
        if !float_supports(op) {
            return Ok(None);
        }
        if let Some(fy) = float_value(b) {
            return float_binary(op, fx, fy);
        }
        if let Some(y) = int_ref(b) {
            return float_binary(op, fx, y.to_f64()?);
        }
        return Ok(None);
    }
    match (a.kind(), op) {
        (Kind::Str, nb::REMAINDER) => crate::ops::percent::percent_format(vm, a, b).map(Some),
        (Kind::Bytes | Kind::ByteArray, nb::REMAINDER) => {
            Err(PyErr::new(ExcType::NotImplementedError, "%-formatting of bytes is not supported yet"))
        }
        (Kind::Set, _) => Ok(crate::ops::sets::set_binary(vm, op, a, b)?.map(|r| r.get())),
        (Kind::Dict, nb::OR) if b.kind() == Kind::Dict => {
            let result = Handle::new(new::dict());
            let source = a.downcast::<DictData>().expect("dict");
            let target = result.get().downcast::<DictData>().expect("dict");
            for e in source.table.borrow().entries.iter().filter(|e| !e.key.is_null()) {
                target.insert_new(e.hash, e.key, e.value);
            }
            crate::ops::mapping::dict_update(vm, result.get(), b)?;
            Ok(Some(result.get()))
        }
        _ => Ok(None),
    }
}

/// An int, float or complex operand as a complex value (`to_complex`); `Ok(None)` for
/// other types.
fn as_complex(v: StackRef) -> PyResult<Option<format::Complex>> {
    if let Some(z) = complex_value(v) {
        return Ok(Some(z));
    }
    if let Some(f) = float_value(v) {
        return Ok(Some((f, 0.0)));
    }
    match int_ref(v) {
        Some(i) => Ok(Some((i.to_f64()?, 0.0))),
        None => Ok(None),
    }
}

/// complex arithmetic, one operand at least being complex (`Ok(None)` for the
/// operators complex lacks: `//`, `%`, shifts and bitwise ones).
fn complex_binary(op: u32, a: StackRef, b: StackRef) -> PyResult<Option<StackRef>> {
    if !matches!(op, nb::ADD | nb::SUBTRACT | nb::MULTIPLY | nb::TRUE_DIVIDE | nb::POWER) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (as_complex(a)?, as_complex(b)?) else { return Ok(None) };
    let (real, imag) = match op {
        nb::ADD => (x.0 + y.0, x.1 + y.1),
        nb::SUBTRACT => (x.0 - y.0, x.1 - y.1),
        nb::MULTIPLY => format::complex_mul(x, y),
        nb::TRUE_DIVIDE => format::complex_div(x, y).map_err(format_error)?,
        _ => format::complex_pow(x, y).map_err(format_error)?,
    };
    Ok(Some(new::complex(real, imag)))
}

fn float_supports(op: u32) -> bool {
    matches!(op, nb::ADD | nb::SUBTRACT | nb::MULTIPLY | nb::TRUE_DIVIDE | nb::FLOOR_DIVIDE | nb::REMAINDER | nb::POWER)
}

/// Maps an error message from `crate::format` to the exception CPython raises with it.
pub(crate) fn format_error(message: String) -> PyErr {
    use crate::format::ExceptionKind;
    if message == format::POW_RESULT_OUT_OF_RANGE {
        // CPython raises OverflowError(34, 'Numerical result out of range').
        return PyErr::with_args(ExcType::OverflowError, &[new::int(34), new::str("Numerical result out of range")]);
    }
    match format::exception_kind(&message) {
        ExceptionKind::ValueError => value_error(message),
        ExceptionKind::OverflowError => overflow_error(message),
        ExceptionKind::ZeroDivisionError => zero_division(message),
        ExceptionKind::MemoryError => PyErr::bare(ExcType::MemoryError),
        ExceptionKind::ComplexResult => value_error("negative number cannot be raised to a fractional power"),
    }
}

/// Float arithmetic (`Ok(None)` for operators floats do not support).
pub(crate) fn float_binary(op: u32, x: f64, y: f64) -> PyResult<Option<StackRef>> {
    let r = match op {
        nb::ADD => x + y,
        nb::SUBTRACT => x - y,
        nb::MULTIPLY => x * y,
        nb::TRUE_DIVIDE => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        nb::FLOOR_DIVIDE => format::float_floordiv(x, y).map_err(format_error)?,
        nb::REMAINDER => format::float_mod(x, y).map_err(format_error)?,
        nb::POWER => match format::float_pow(x, y) {
            Ok(r) => r,
            // A negative base to a fractional power: the complex result, as float_pow
            // hands over to complex_pow.
            Err(e) if e == format::POW_COMPLEX_RESULT => {
                let (real, imag) = format::complex_pow((x, 0.0), (y, 0.0)).map_err(format_error)?;
                return Ok(Some(new::complex(real, imag)));
            }
            Err(e) => return Err(format_error(e)),
        },
        _ => return Ok(None),
    };
    Ok(Some(new::float(r)))
}

/// Int arithmetic, including true division and negative powers (which give floats).
/// `Ok(None)` for `@`.
pub(crate) fn int_binary(op: u32, a: IntRef, b: IntRef) -> PyResult<Option<StackRef>> {
    match op {
        nb::MATRIX_MULTIPLY => return Ok(None),
        nb::TRUE_DIVIDE => return int_true_divide(a, b).map(|f| Some(new::float(f))),
        nb::POWER => return int_pow(a, b).map(Some),
        _ => {}
    }
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if let Some(r) = i64_binary(op, x, y)? {
            return Ok(Some(r));
        }
    }
    big_binary(op, a, b).map(Some)
}

fn negative_shift() -> PyErr {
    value_error("negative shift count")
}

/// i64 arithmetic; `Ok(None)` when the result needs a big int.
fn i64_binary(op: u32, x: i64, y: i64) -> PyResult<Option<StackRef>> {
    let r = match op {
        nb::ADD => x.checked_add(y),
        nb::SUBTRACT => x.checked_sub(y),
        nb::MULTIPLY => x.checked_mul(y),
        nb::FLOOR_DIVIDE => {
            if y == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            if x == i64::MIN && y == -1 {
                None
            } else {
                Some(Integer::div_floor(&x, &y))
            }
        }
        nb::REMAINDER => {
            if y == 0 {
                return Err(zero_division("integer modulo by zero"));
            }
            if y == -1 {
                Some(0)
            } else {
                Some(Integer::mod_floor(&x, &y))
            }
        }
        nb::LSHIFT => {
            if y < 0 {
                return Err(negative_shift());
            }
            if x == 0 {
                Some(0)
            } else if y < 63 {
                let r = x.wrapping_shl(y as u32);
                if r.wrapping_shr(y as u32) == x {
                    Some(r)
                } else {
                    None
                }
            } else {
                None
            }
        }
        nb::RSHIFT => {
            if y < 0 {
                return Err(negative_shift());
            }
            Some(x >> y.min(63))
        }
        nb::AND => Some(x & y),
        nb::OR => Some(x | y),
        nb::XOR => Some(x ^ y),
        _ => None,
    };
    Ok(r.map(new::int))
}

/// Big-int arithmetic for the operators `i64_binary` handles.
fn big_binary(op: u32, a: IntRef, b: IntRef) -> PyResult<StackRef> {
    let x = a.to_bigint();
    match op {
        nb::LSHIFT | nb::RSHIFT => {
            if b.is_negative() {
                return Err(negative_shift());
            }
            if x.is_zero() {
                return Ok(new::int(0));
            }
            let shift = b.as_i64();
            if op == nb::RSHIFT {
                return Ok(match shift {
                    Some(s) if s <= u32::MAX as i64 => new::bigint(x >> s as usize),
                    _ => new::int(if x < BigInt::zero() { -1 } else { 0 }),
                });
            }
            match shift {
                None => Err(overflow_error("too many digits in integer")),
                Some(s) if (s as u128 + x.bits() as u128) > MAX_REPEAT_SIZE * 8 => {
                    Err(PyErr::bare(ExcType::MemoryError))
                }
                Some(s) => Ok(new::bigint(x << s as usize)),
            }
        }
        _ => {
            let y = b.to_bigint();
            let r = match op {
                nb::ADD => x + y,
                nb::SUBTRACT => x - y,
                nb::MULTIPLY => x * y,
                nb::FLOOR_DIVIDE => {
                    if y.is_zero() {
                        return Err(zero_division("integer division or modulo by zero"));
                    }
                    x.div_floor(&y)
                }
                nb::REMAINDER => {
                    if y.is_zero() {
                        return Err(zero_division("integer modulo by zero"));
                    }
                    x.mod_floor(&y)
                }
                nb::AND => x & y,
                nb::OR => x | y,
                nb::XOR => x ^ y,
                _ => return Err(PyErr::new(ExcType::RuntimeError, "bad int operator")),
            };
            Ok(new::bigint(r))
        }
    }
}

/// `a ** b` for ints: an int for b >= 0, else the float power.
fn int_pow(a: IntRef, b: IntRef) -> PyResult<StackRef> {
    if b.is_negative() {
        let r = format::float_pow(a.to_f64()?, b.to_f64()?).map_err(format_error)?;
        return Ok(new::float(r));
    }
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if let Ok(e) = u32::try_from(y) {
            if let Some(r) = x.checked_pow(e) {
                return Ok(new::int(r));
            }
        }
        match x {
            0 => return Ok(new::int(if y == 0 { 1 } else { 0 })),
            1 => return Ok(new::int(1)),
            -1 => return Ok(new::int(if y % 2 == 0 { 1 } else { -1 })),
            _ => {}
        }
    }
    let base = a.to_bigint();
    if base.is_zero() {
        return Ok(new::int(if b.is_zero() { 1 } else { 0 }));
    }
    if base == BigInt::from(1) {
        return Ok(new::int(1));
    }
    if base == BigInt::from(-1) {
        let odd = match b {
            IntRef::Small(y) => y % 2 != 0,
            IntRef::Big(y) => y.is_odd(),
        };
        return Ok(new::int(if odd { -1 } else { 1 }));
    }
    let exponent = match b.as_i64().and_then(|e| u32::try_from(e).ok()) {
        Some(e) => e,
        None => return Err(PyErr::bare(ExcType::MemoryError)),
    };
    if base.bits() as u128 * exponent as u128 > MAX_REPEAT_SIZE * 8 {
        return Err(PyErr::bare(ExcType::MemoryError));
    }
    Ok(new::bigint(base.pow(exponent)))
}

/// `2**exponent * x`, exact when the result is representable (as C's ldexp).
fn ldexp(mut x: f64, mut exponent: i64) -> f64 {
    let pow2 = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    while exponent > 1023 {
        x *= pow2(1023);
        exponent -= 1023;
    }
    while exponent < -1022 {
        x *= pow2(-1022);
        exponent += 1022;
    }
    x * pow2(exponent)
}

/// `a / b` for ints, correctly rounded (a port of CPython's `long_true_divide`).
pub(crate) fn int_true_divide(a: IntRef, b: IntRef) -> PyResult<f64> {
    const MANT_DIG: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    if b.is_zero() {
        return Err(zero_division("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if x.unsigned_abs() <= 1 << MANT_DIG && y.unsigned_abs() <= 1 << MANT_DIG {
            return Ok(x as f64 / y as f64);
        }
    }
    let negate = a.is_negative() != b.is_negative();
    let signed = |r: f64| if negate { -r } else { r };
    let a_big = a.to_bigint();
    let b_big = b.to_bigint();
    let a_mag: &BigUint = a_big.magnitude();
    let b_mag: &BigUint = b_big.magnitude();
    if a_mag.is_zero() {
        return Ok(signed(0.0));
    }
    let diff = a_mag.bits() as i64 - b_mag.bits() as i64;
    let too_large = || overflow_error("integer division result too large for a float");
    if diff > MAX_EXP {
        return Err(too_large());
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Ok(signed(0.0));
    }
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        a_mag << (-shift) as usize
    } else {
        if a_mag.trailing_zeros().is_some_and(|z| (z as i64) < shift) {
            inexact = true;
        }
        a_mag >> shift as usize
    };
    let (q, r) = x.div_rem(b_mag);
    if !r.is_zero() {
        inexact = true;
    }
    let x_bits = q.bits() as i64;
    let mut low = q.to_u64().expect("quotient fits 64 bits");
    let extra_bits = x_bits.max(MIN_EXP - shift) - MANT_DIG;
    let mask: u64 = 1u64 << (extra_bits - 1);
    let sticky = low | inexact as u64;
    if sticky & mask != 0 && sticky & (3 * mask - 1) != 0 {
        low = low.wrapping_add(mask);
    }
    low &= !(2 * mask - 1);
    let dx = low as f64;
    if shift + x_bits >= MAX_EXP && (shift + x_bits > MAX_EXP || dx == ldexp(1.0, x_bits)) {
        return Err(too_large());
    }
    Ok(signed(ldexp(dx, shift)))
}

/// `-v`.
pub fn unary_negative(vm: &mut Vm, v: StackRef) -> PyResult<StackRef> {
    if v.is_small_int() {
        return Ok(new::int(-v.small_int_value()));
    }
    match find_special(type_of(v), "__neg__") {
        Special::User(m) => call_method(vm, m, v, &[]),
        Special::Builtin(_) => {
            if let Some(i) = int_ref(v) {
                return Ok(match i {
                    IntRef::Small(x) => new::bigint(-BigInt::from(x)),
                    IntRef::Big(b) => new::bigint(-b),
                });
            }
            if let Some(f) = float_value(v) {
                return Ok(new::float(-f));
            }
            if let Some((real, imag)) = complex_value(v) {
                return Ok(new::complex(-real, -imag));
            }
            Err(bad_unary("-", v))
        }
    }
}

/// `+v`.
pub fn unary_positive(vm: &mut Vm, v: StackRef) -> PyResult<StackRef> {
    if v.is_small_int() {
        return Ok(v);
    }
    match find_special(type_of(v), "__pos__") {
        Special::User(m) => call_method(vm, m, v, &[]),
        Special::Builtin(_) => {
            if let Some(i) = int_ref(v) {
                return Ok(match i {
                    IntRef::Small(x) => new::int(x),
                    IntRef::Big(_) if v.kind() == Kind::BigInt && is_builtin_type(type_of(v)) => v,
                    IntRef::Big(b) => new::bigint(b.clone()),
                });
            }
            if let Some(f) = float_value(v) {
                return Ok(if type_of(v) == types().float { v } else { new::float(f) });
            }
            if let Some((real, imag)) = complex_value(v) {
                return Ok(if type_of(v) == types().complex { v } else { new::complex(real, imag) });
            }
            Err(bad_unary("+", v))
        }
    }
}

/// `~v`.
pub fn unary_invert(vm: &mut Vm, v: StackRef) -> PyResult<StackRef> {
    if v.is_small_int() {
        return Ok(new::int(!v.small_int_value()));
    }
    match find_special(type_of(v), "__invert__") {
        Special::User(m) => call_method(vm, m, v, &[]),
        Special::Builtin(_) => match int_ref(v) {
            Some(IntRef::Small(x)) => Ok(new::int(!x)),
            Some(IntRef::Big(b)) => Ok(new::bigint(!b)),
            None => Err(bad_unary("~", v)),
        },
    }
}

fn bad_unary(symbol: &str, v: StackRef) -> PyErr {
    type_error(format!("bad operand type for unary {}: '{}'", symbol, type_name_of(v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        text.parse().unwrap()
    }

    fn div(a: &str, b: &str) -> Result<f64, ()> {
        // Leaked to get the 'static references IntRef::Big holds.
        let x: &'static BigInt = Box::leak(Box::new(big(a)));
        let y: &'static BigInt = Box::leak(Box::new(big(b)));
        // Cases that raise are not tested here: building exceptions needs a VM.
        int_true_divide(IntRef::Big(x), IntRef::Big(y)).map_err(|_| ())
    }

    #[test]
    fn true_division_matches_cpython() {
        // Values from python3.11.
        assert_eq!(div("1", "3").unwrap(), 0.3333333333333333);
        assert_eq!(div("100000000000000000000", "3").unwrap(), 3.333333333333333e+19);
        let two_1000 = (BigInt::from(1) << 1000usize).to_string();
        let three_500 = BigInt::from(3).pow(500).to_string();
        assert_eq!(div(&two_1000, &three_500).unwrap(), 2.9469197145111386e+62);
        let ten_400 = BigInt::from(10).pow(400).to_string();
        let ten_399 = BigInt::from(10).pow(399).to_string();
        assert_eq!(div(&ten_400, &ten_399).unwrap(), 10.0);
        let x: BigInt = (BigInt::from(1) << 64usize) + 1;
        assert_eq!(div(&x.to_string(), &(BigInt::from(1) << 64usize).to_string()).unwrap(), 1.0);
        let neg: BigInt = -(BigInt::from(1) << 200usize);
        assert_eq!(div(&neg.to_string(), &BigInt::from(3).pow(100).to_string()).unwrap(), -3117982410207.942);
        let tiny = (BigInt::from(1) << 1100usize).to_string();
        assert_eq!(div("1", &tiny).unwrap(), 0.0);
        assert!(div("-1", &tiny).unwrap().is_sign_negative());
        // Subnormal result: 1 / 2**1074 == 5e-324.
        let p1074 = (BigInt::from(1) << 1074usize).to_string();
        assert_eq!(div("1", &p1074).unwrap(), 5e-324);
        // 3 / 2**1075 rounds to 2**-1074 (1.5 ulp of the smallest subnormal -> 2 ulps, even).
        let p1075 = (BigInt::from(1) << 1075usize).to_string();
        assert_eq!(div("3", &p1075).unwrap(), 1e-323);
        assert_eq!(div("1", &p1075).unwrap(), 0.0);
        assert_eq!(div("9007199254740993", "1").unwrap(), 9007199254740992.0);
        assert_eq!(div("-9007199254740995", "1").unwrap(), -9007199254740996.0);
    }

    #[test]
    fn ldexp_is_exact() {
        assert_eq!(ldexp(1.0, 10), 1024.0);
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(3.0, 1022), 3.0 * 2f64.powi(1022));
        assert_eq!(ldexp((1u64 << 55) as f64, -1129), 5e-324);
    }
}
