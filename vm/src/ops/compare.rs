//! Rich comparison: CPython's `do_richcompare` (reflected operands, subclass priority,
//! NotImplemented, `==`/`!=` falling back to identity) over the comparisons of the
//! builtin types: numbers (ints and floats compared exactly), str, tuples and lists
//! (lexicographic), dicts, ranges, slices and dict views; plus the `eq`/`lt` shortcuts.

use std::cmp::Ordering;

use crate::format;
use crate::heap::Handle;
use crate::objects::dict::DictData;
use crate::objects::function::{BoundMethodData, BuiltinFunctionData};
use crate::objects::iterators::{DictPart, DictViewData};
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::range::RangeData;
use crate::objects::slice::SliceData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops::conversion::{complex_value, float_value, int_ref, IntRef};
use crate::ops::slots::{call_method, find_special, is_builtin_type, is_not_implemented, DepthGuard, Special};
use crate::runtime::errors::type_error;
use crate::runtime::types::{bool_value, is_subclass, type_data, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// The comparison operators, numbered as COMPARE_OP's oparg.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_oparg(op: u32) -> CompareOp {
        match op {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            _ => CompareOp::Ge,
        }
    }
    /// The operator with the operands exchanged (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    /// Whether the operator holds for operands ordered as `ordering`.
    pub fn holds(self, ordering: Ordering) -> bool {
        match self {
            CompareOp::Lt => ordering == Ordering::Less,
            CompareOp::Le => ordering != Ordering::Greater,
            CompareOp::Eq => ordering == Ordering::Equal,
            CompareOp::Ne => ordering != Ordering::Equal,
            CompareOp::Gt => ordering == Ordering::Greater,
            CompareOp::Ge => ordering != Ordering::Less,
        }
    }
    /// The result for a partial ordering (`None` = unordered, as with NaN: only `!=` holds).
    pub fn holds_partial(self, ordering: Option<Ordering>) -> bool {
        match ordering {
            Some(o) => self.holds(o),
            None => self == CompareOp::Ne,
        }
    }
}

/// COMPARE_OP: `a <op> b` (op 0 <, 1 <=, 2 ==, 3 !=, 4 >, 5 >=), returning whatever the
/// comparison returns (user `__eq__` may return any object).
pub fn compare(vm: &mut Vm, op: u32, a: StackRef, b: StackRef) -> PyResult<StackRef> {
    let op = CompareOp::from_oparg(op);
    if a.is_small_int() && b.is_small_int() {
        return Ok(bool_value(op.holds(a.small_int_value().cmp(&b.small_int_value()))));
    }
    if let Some(ordering) = exact_simple_ordering(a, b) {
        return Ok(bool_value(op.holds_partial(ordering)));
    }
    rich_compare(vm, op, a, b)
}

/// Orders exact floats and exact strs without any protocol; `None` for other operands.
fn exact_simple_ordering(a: StackRef, b: StackRef) -> Option<Option<Ordering>> {
    match (a.kind(), b.kind()) {
        (Kind::Float, Kind::Float) if type_of(a) == types().float && type_of(b) == types().float => {
            Some(float_value(a)?.partial_cmp(&float_value(b)?))
        }
        (Kind::Str, Kind::Str) if type_of(a) == types().str_ && type_of(b) == types().str_ => {
            Some(Some(a.downcast::<StrData>()?.value.cmp(&b.downcast::<StrData>()?.value)))
        }
        _ => None,
    }
}

/// `a == b` as a bool (identical objects are equal, as in PyObject_RichCompareBool).
pub fn eq(vm: &mut Vm, a: StackRef, b: StackRef) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Ok(false);
    }
    if let Some(ordering) = exact_simple_ordering(a, b) {
        return Ok(ordering == Some(Ordering::Equal));
    }
    let r = rich_compare(vm, CompareOp::Eq, a, b)?;
    crate::ops::truthy(vm, r)
}

/// `a < b` as a bool.
pub fn lt(vm: &mut Vm, a: StackRef, b: StackRef) -> PyResult<bool> {
    if a.is_small_int() && b.is_small_int() {
        return Ok(a.small_int_value() < b.small_int_value());
    }
    if let Some(ordering) = exact_simple_ordering(a, b) {
        return Ok(ordering == Some(Ordering::Less));
    }
    let r = rich_compare(vm, CompareOp::Lt, a, b)?;
    crate::ops::truthy(vm, r)
}

/// CPython's `do_richcompare`.
fn rich_compare(vm: &mut Vm, op: CompareOp, a: StackRef, b: StackRef) -> PyResult<StackRef> {
    let ta = type_of(a);
    let tb = type_of(b);
    let mut checked_reverse = false;
    if ta != tb && is_subclass(tb, ta) {
        let r = slot_compare(vm, op.swapped(), b, a)?;
        if !is_not_implemented(r) {
            return Ok(r);
        }
        checked_reverse = true;
    }
    let r = slot_compare(vm, op, a, b)?;
    if !is_not_implemented(r) {
        return Ok(r);
    }
    // Builtin comparisons look at both operands' kinds: the reflected call adds nothing.
    if !(checked_reverse || is_builtin_type(ta) && is_builtin_type(tb)) {
        let r = slot_compare(vm, op.swapped(), b, a)?;
        if !is_not_implemented(r) {
            return Ok(r);
        }
    }
    match op {
        CompareOp::Eq => Ok(bool_value(a == b)),
        CompareOp::Ne => Ok(bool_value(a != b)),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name_of(a),
            type_name_of(b)
        ))),
    }
}

/// Whether instances of a builtin type compare with their own rich comparison (rather
/// than object's identity-based one).
fn has_native_compare(ty: StackRef) -> bool {
    matches!(
        type_data(ty).instance_kind,
        Kind::SmallInt
            | Kind::BigInt
            | Kind::Bool
            | Kind::Float
            | Kind::Complex
            | Kind::Bytes
            | Kind::ByteArray
            | Kind::Str
            | Kind::Tuple
            | Kind::List
            | Kind::Dict
            | Kind::Set
            | Kind::Range
            | Kind::Slice
            | Kind::DictView
            | Kind::BoundMethod
            | Kind::BuiltinFunction
    )
}

/// type(x)'s rich comparison applied to (x, y): a user method, a builtin comparison, or
/// object's default (`__eq__` by identity, `__ne__` inverting `__eq__`). May return
/// NotImplemented.
fn slot_compare(vm: &mut Vm, op: CompareOp, x: StackRef, y: StackRef) -> PyResult<StackRef> {
    let not_implemented = types().not_implemented;
    match find_special(type_of(x), op.dunder()) {
        Special::User(method) => call_method(vm, method, x, &[y]),
        Special::Builtin(t) if has_native_compare(t) => Ok(native_compare(vm, op, x, y)?.unwrap_or(not_implemented)),
        Special::Builtin(_) => match op {
            CompareOp::Eq => Ok(if x == y { bool_value(true) } else { not_implemented }),
            CompareOp::Ne => match find_special(type_of(x), "__eq__") {
                Special::User(method) => {
                    let r = call_method(vm, method, x, &[y])?;
                    if is_not_implemented(r) {
                        return Ok(r);
                    }
                    let truth = crate::ops::truthy(vm, r)?;
                    Ok(bool_value(!truth))
                }
                Special::Builtin(_) => Ok(if x == y { bool_value(false) } else { not_implemented }),
            },
            _ => Ok(not_implemented),
        },
    }
}

/// Orders an int against a float exactly; `None` when the float is NaN.
pub(crate) fn compare_int_float(i: IntRef, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Some(x) = i.as_i64() {
        if x.unsigned_abs() <= 1 << 53 {
            return (x as f64).partial_cmp(&f);
        }
    }
    let floor = f.floor();
    let floor_int = format::float_to_int(floor).ok()?;
    match i.to_bigint().cmp(&floor_int) {
        Ordering::Equal if floor != f => Some(Ordering::Less),
        ordering => Some(ordering),
    }
}

/// Orders two numbers (ints, bools, floats); outer `None` when either is not a number,
/// inner `None` when unordered (NaN).
pub(crate) fn numeric_ordering(a: StackRef, b: StackRef) -> Option<Option<Ordering>> {
    match (int_ref(a), int_ref(b)) {
        (Some(x), Some(y)) => Some(Some(match (x.as_i64(), y.as_i64()) {
            (Some(p), Some(q)) => p.cmp(&q),
            _ => x.to_bigint().cmp(&y.to_bigint()),
        })),
        (Some(x), None) => float_value(b).map(|fy| compare_int_float(x, fy)),
        (None, Some(y)) => float_value(a).map(|fx| compare_int_float(y, fx).map(Ordering::reverse)),
        (None, None) => match (float_value(a), float_value(b)) {
            (Some(fx), Some(fy)) => Some(fx.partial_cmp(&fy)),
            _ => None,
        },
    }
}

/// The builtin comparisons, selected by both operands' kinds; `Ok(None)` is
/// NotImplemented.
fn native_compare(vm: &mut Vm, op: CompareOp, a: StackRef, b: StackRef) -> PyResult<Option<StackRef>> {
    if let Some(ordering) = numeric_ordering(a, b) {
        return Ok(Some(bool_value(op.holds_partial(ordering))));
    }
    let equality = matches!(op, CompareOp::Eq | CompareOp::Ne);
    if a.kind() == Kind::Complex || b.kind() == Kind::Complex {
        // complex numbers are only equal or not; they have no order.
        let same = if equality { complex_equal(a, b)? } else { None };
        return Ok(same.map(|same| bool_value(same == (op == CompareOp::Eq))));
    }
    match (a.kind(), b.kind()) {
        (Kind::Str, Kind::Str) => {
            let x = &a.downcast::<StrData>().expect("str").value;
            let y = &b.downcast::<StrData>().expect("str").value;
            Ok(Some(bool_value(op.holds(x.cmp(y)))))
        }
        (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray) => {
            Ok(crate::ops::bytes::ordering(a, b).map(|o| bool_value(op.holds(o))))
        }
        (Kind::Tuple, Kind::Tuple) | (Kind::List, Kind::List) => sequence_compare(vm, op, a, b).map(Some),
        (Kind::Dict, Kind::Dict) if equality => {
            let same = dict_equal(vm, a, b)?;
            Ok(Some(bool_value(same == (op == CompareOp::Eq))))
        }
        (Kind::Set, Kind::Set) => Ok(crate::ops::sets::set_compare(vm, a, b, op)?.map(bool_value)),
        (Kind::Range, Kind::Range) if equality => {
            let x = a.downcast::<RangeData>().expect("range");
            let y = b.downcast::<RangeData>().expect("range");
            Ok(Some(bool_value(range_equal(x, y) == (op == CompareOp::Eq))))
        }
        (Kind::Slice, Kind::Slice) => {
            let x = a.downcast::<SliceData>().expect("slice");
            let y = b.downcast::<SliceData>().expect("slice");
            let left = [x.start, x.stop, x.step];
            let right = [y.start, y.stop, y.step];
            items_compare(vm, op, &left, &right).map(Some)
        }
        (Kind::DictView, Kind::DictView) => view_compare(vm, op, a, b),
        (Kind::BoundMethod, Kind::BoundMethod) | (Kind::BuiltinFunction, Kind::BuiltinFunction) if equality => {
            Ok(Some(bool_value(same_method(a, b) == (op == CompareOp::Eq))))
        }
        _ => Ok(None),
    }
}

/// `complex == number` as complex_richcompare decides it (an int compares exactly with
/// the real part); `None` when the other operand is not a number.
fn complex_equal(a: StackRef, b: StackRef) -> PyResult<Option<bool>> {
    let (z, other) = match (complex_value(a), complex_value(b)) {
        (Some(x), Some(y)) => return Ok(Some(x == y)),
        (Some(z), None) => (z, b),
        (None, Some(z)) => (z, a),
        (None, None) => return Ok(None),
    };
    if let Some(i) = int_ref(other) {
        return Ok(Some(z.1 == 0.0 && compare_int_float(i, z.0) == Some(Ordering::Equal)));
    }
    Ok(float_value(other).map(|f| z.0 == f && z.1 == 0.0))
}

/// Bound methods are equal when they bind the same function to the same object.
fn same_method(a: StackRef, b: StackRef) -> bool {
    if let (Some(x), Some(y)) = (a.downcast::<BoundMethodData>(), b.downcast::<BoundMethodData>()) {
        return x.func == y.func && x.receiver == y.receiver;
    }
    if let (Some(x), Some(y)) = (a.downcast::<BuiltinFunctionData>(), b.downcast::<BuiltinFunctionData>()) {
        return a == b
            || (x.name == y.name
                && x.owner == y.owner
                && x.bound_self == y.bound_self
                && x.func as usize == y.func as usize);
    }
    false
}

/// CPython's `range_equals`: equal lengths, then equal starts (and steps when longer
/// than one element).
pub(crate) fn range_equal(x: &RangeData, y: &RangeData) -> bool {
    let n = x.len();
    if n != y.len() {
        return false;
    }
    if n == 0 {
        return true;
    }
    if x.start != y.start {
        return false;
    }
    n == 1 || x.step == y.step
}

/// Item `i` of a tuple or list, counted (a list may change while comparing).
fn sequence_item(seq: StackRef, i: usize) -> Option<Handle> {
    match seq.kind() {
        Kind::Tuple => seq.downcast::<TupleData>()?.items.get(i).map(|v| Handle::new(*v)),
        Kind::List => seq.downcast::<ListData>()?.items.borrow().get(i).map(|v| Handle::new(*v)),
        _ => None,
    }
}

fn sequence_len(seq: StackRef) -> usize {
    match seq.kind() {
        Kind::Tuple => seq.downcast::<TupleData>().map(|t| t.items.len()).unwrap_or(0),
        Kind::List => seq.downcast::<ListData>().map(|l| l.items.borrow().len()).unwrap_or(0),
        _ => 0,
    }
}

/// Lexicographic comparison of two tuples or two lists (CPython's `list_richcompare`):
/// the first pair of items that are not equal decides, else the lengths.
fn sequence_compare(vm: &mut Vm, op: CompareOp, a: StackRef, b: StackRef) -> PyResult<StackRef> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && sequence_len(a) != sequence_len(b) {
        return Ok(bool_value(op == CompareOp::Ne));
    }
    let _depth = DepthGuard::enter(vm, " in comparison")?;
    let mut i = 0;
    loop {
        let (x, y) = match (sequence_item(a, i), sequence_item(b, i)) {
            (Some(x), Some(y)) => (x, y),
            _ => break,
        };
        if !eq(vm, x.get(), y.get())? {
            return match op {
                CompareOp::Eq => Ok(bool_value(false)),
                CompareOp::Ne => Ok(bool_value(true)),
                _ => compare(vm, op as u32, x.get(), y.get()),
            };
        }
        i += 1;
    }
    Ok(bool_value(op.holds(sequence_len(a).cmp(&sequence_len(b)))))
}

/// Lexicographic comparison of two fixed item arrays (the arrays' owners are alive).
fn items_compare(vm: &mut Vm, op: CompareOp, a: &[StackRef], b: &[StackRef]) -> PyResult<StackRef> {
    for (x, y) in a.iter().zip(b.iter()) {
        if !eq(vm, *x, *y)? {
            return match op {
                CompareOp::Eq => Ok(bool_value(false)),
                CompareOp::Ne => Ok(bool_value(true)),
                _ => compare(vm, op as u32, *x, *y),
            };
        }
    }
    Ok(bool_value(op.holds(a.len().cmp(&b.len()))))
}

/// Dict equality: same size and, for every key of `a`, an equal value under an equal key
/// in `b`.
pub(crate) fn dict_equal(vm: &mut Vm, a: StackRef, b: StackRef) -> PyResult<bool> {
    let da = a.downcast::<DictData>().expect("dict");
    let db = b.downcast::<DictData>().expect("dict");
    if a == b {
        return Ok(true);
    }
    if da.len() != db.len() {
        return Ok(false);
    }
    let _depth = DepthGuard::enter(vm, " in comparison")?;
    let entries = da.counted_entries();
    for (hash, key, value) in entries {
        let found = crate::ops::mapping::lookup_hashed(vm, db, key.get(), hash)?;
        let Some(index) = found else { return Ok(false) };
        let Some(other) = db.value_at(index) else { return Ok(false) };
        let other = Handle::new(other);
        if !eq(vm, value.get(), other.get())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The elements of a keys or items view, counted (items become new tuples).
pub(crate) fn view_elements(view: &DictViewData) -> Vec<Handle> {
    let dict = view.dict.downcast::<DictData>().expect("dict");
    dict.items()
        .into_iter()
        .map(|(k, v)| match view.part {
            DictPart::Keys => Handle::new(k),
            DictPart::Values => Handle::new(v),
            DictPart::Items => Handle::new(crate::objects::new::tuple(vec![k, v])),
        })
        .collect()
}

/// Whether every element of `a` (a keys or items view) is in `b`.
fn view_subset(vm: &mut Vm, a: &DictViewData, b: StackRef) -> PyResult<bool> {
    for element in view_elements(a) {
        if !crate::ops::contains(vm, b, element.get())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Keys and items views compare as sets; values views only by identity.
fn view_compare(vm: &mut Vm, op: CompareOp, a: StackRef, b: StackRef) -> PyResult<Option<StackRef>> {
    let x = a.downcast::<DictViewData>().expect("view");
    let y = b.downcast::<DictViewData>().expect("view");
    if x.part == DictPart::Values || y.part == DictPart::Values {
        return Ok(None);
    }
    let len_a = x.dict.downcast::<DictData>().map(|d| d.len()).unwrap_or(0);
    let len_b = y.dict.downcast::<DictData>().map(|d| d.len()).unwrap_or(0);
    let result = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let same = len_a == len_b && view_subset(vm, x, b)?;
            same == (op == CompareOp::Eq)
        }
        CompareOp::Lt => len_a < len_b && view_subset(vm, x, b)?,
        CompareOp::Le => len_a <= len_b && view_subset(vm, x, b)?,
        CompareOp::Gt => len_a > len_b && view_subset(vm, y, a)?,
        CompareOp::Ge => len_a >= len_b && view_subset(vm, y, a)?,
    };
    Ok(Some(bool_value(result)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    #[test]
    fn int_float_ordering_is_exact() {
        let big: &'static BigInt = Box::leak(Box::new(BigInt::from(1u64 << 53) + 1));
        assert_eq!(compare_int_float(IntRef::Big(big), 9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(compare_int_float(IntRef::Small((1 << 53) + 1), 9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(compare_int_float(IntRef::Small(3), 3.5), Some(Ordering::Less));
        assert_eq!(compare_int_float(IntRef::Small(-3), -3.5), Some(Ordering::Greater));
        assert_eq!(compare_int_float(IntRef::Small(0), -0.0), Some(Ordering::Equal));
        assert_eq!(compare_int_float(IntRef::Small(5), f64::NAN), None);
        assert_eq!(compare_int_float(IntRef::Small(i64::MAX), f64::INFINITY), Some(Ordering::Less));
        let huge: &'static BigInt = Box::leak(Box::new(BigInt::from(10).pow(400)));
        assert_eq!(compare_int_float(IntRef::Big(huge), 1e308), Some(Ordering::Greater));
        assert_eq!(compare_int_float(IntRef::Small(i64::MAX), (1u64 << 63) as f64), Some(Ordering::Less));
        assert_eq!(compare_int_float(IntRef::Small(-(1 << 60) - 1), -1152921504606846976.0), Some(Ordering::Less));
    }

    #[test]
    fn operators() {
        assert!(CompareOp::Le.holds(Ordering::Equal));
        assert!(!CompareOp::Lt.holds_partial(None));
        assert!(CompareOp::Ne.holds_partial(None));
        assert_eq!(CompareOp::Lt.swapped(), CompareOp::Gt);
    }
}
