//! The constructors and methods of set and frozenset. The algorithms live in
//! `ops::sets`; this module checks arguments as CPython 3.11 does and picks the
//! algorithm.

use crate::builtins::args::{check_positional, exactly_one, no_args, no_keywords, receiver};
use crate::heap::{self, Handle};
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::set::SetData;
use crate::objects::types::TypeData;
use crate::ops::nb;
use crate::ops::sets;
use crate::ops::CompareOp;
use crate::runtime::errors::type_error;
use crate::runtime::types::{bool_value, is_subclass, none, type_name_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// Methods both types have (bound to either).
const SHARED_METHODS: &[(&str, BuiltinFn)] = &[
    ("copy", set_copy),
    ("difference", set_difference),
    ("intersection", set_intersection),
    ("isdisjoint", set_isdisjoint),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("symmetric_difference", set_symmetric_difference),
    ("union", set_union),
    ("__contains__", set_contains),
    ("__len__", set_len),
    ("__iter__", set_iter),
    ("__repr__", set_repr),
    ("__eq__", set_eq),
    ("__ne__", set_ne),
    ("__lt__", set_lt),
    ("__le__", set_le),
    ("__gt__", set_gt),
    ("__ge__", set_ge),
    ("__or__", set_or),
    ("__and__", set_and),
    ("__sub__", set_sub),
    ("__xor__", set_xor),
    ("__ror__", set_ror),
    ("__rand__", set_rand),
    ("__rsub__", set_rsub),
    ("__rxor__", set_rxor),
];

/// Methods only the mutable set has.
const MUTATING_METHODS: &[(&str, BuiltinFn)] = &[
    ("add", set_add),
    ("clear", set_clear),
    ("difference_update", set_difference_update),
    ("discard", set_discard),
    ("intersection_update", set_intersection_update),
    ("pop", set_pop),
    ("remove", set_remove),
    ("symmetric_difference_update", set_symmetric_difference_update),
    ("update", set_update),
    ("__init__", set_init),
    ("__ior__", set_ior),
    ("__iand__", set_iand),
    ("__isub__", set_isub),
    ("__ixor__", set_ixor),
];

/// Registers both types' methods.
pub(crate) fn install() {
    let t = types();
    super::add_methods(t.set, SHARED_METHODS);
    super::add_methods(t.set, MUTATING_METHODS);
    super::add_methods(t.frozenset, SHARED_METHODS);
}

/// The receiver of a method: `set.add` checks for a set, shared methods for either.
fn this<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, &'static SetData, Args<'a>)> {
    receiver::<SetData>(args, "set", method)
}

/// The receiver of a method that mutates: a frozenset does not have these, but an
/// unbound call such as `set.add(frozenset(), 1)` reaches here with one.
fn this_mutable<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, Args<'a>)> {
    let (set, data, rest) = this(args, method)?;
    if data.frozen {
        return Err(type_error(format!(
            "descriptor '{method}' for 'set' objects doesn't apply to a '{}' object",
            type_name_of(set)
        )));
    }
    Ok((set, rest))
}

/// The class a `__new__` call makes, and whether it is a frozenset class.
fn new_class<'a>(args: Args<'a>, base: StackRef) -> PyResult<(StackRef, Args<'a>)> {
    let name = &base.downcast::<TypeData>().expect("a type").name;
    let Some(&cls) = args.pos().first() else {
        return Err(type_error(format!("{name}.__new__(): not enough arguments")));
    };
    let Some(cls_data) = cls.downcast::<TypeData>() else {
        return Err(type_error(format!("{name}.__new__(X): X is not a type object ({})", type_name_of(cls))));
    };
    if !is_subclass(cls, base) {
        let cls_name = &cls_data.name;
        return Err(type_error(format!("{name}.__new__({cls_name}): {cls_name} is not a subtype of {name}")));
    }
    Ok((cls, Args { values: &args.values[1..], kwnames: args.kwnames }))
}

/// `set(iterable=())`: an exact set is filled here; a subclass's `__init__` fills it.
pub(crate) fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_class(args, types().set)?;
    let exact = cls == types().set;
    if exact {
        no_keywords("set", &rest)?;
        check_positional("set", rest.pos().len(), 0, 1)?;
    }
    let set = Handle::new(heap::alloc(cls, SetData::new(false)));
    if exact {
        if let Some(iterable) = rest.pos().first() {
            sets::set_update(vm, set.get(), *iterable)?;
        }
    }
    Ok(set.get())
}

/// `set.__init__(iterable=())`: empties the set, then adds the iterable's keys.
fn set_init(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "__init__")?;
    no_keywords("set", &rest)?;
    check_positional("set", rest.pos().len(), 0, 1)?;
    sets::set_clear(set);
    if let Some(iterable) = rest.pos().first() {
        sets::set_update(vm, set, *iterable)?;
    }
    Ok(none())
}

/// `frozenset(iterable=())`; `frozenset(f)` is `f` itself for an exact frozenset.
pub(crate) fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_class(args, types().frozenset)?;
    no_keywords("frozenset", &rest)?;
    check_positional("frozenset", rest.pos().len(), 0, 1)?;
    let exact = cls == types().frozenset;
    let iterable = rest.pos().first().copied();
    if let Some(it) = iterable {
        if exact && sets::as_set(it).is_some_and(|s| s.frozen) && crate::runtime::types::type_of(it) == cls {
            return Ok(it);
        }
    }
    let set = Handle::new(heap::alloc(cls, SetData::new(true)));
    if let Some(iterable) = iterable {
        sets::set_update(vm, set.get(), iterable)?;
    }
    Ok(set.get())
}

fn set_add(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "add")?;
    let key = exactly_one("set.add", &rest)?;
    sets::set_add(vm, set, key)?;
    Ok(none())
}

fn set_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "clear")?;
    no_args("set.clear", &rest)?;
    sets::set_clear(set);
    Ok(none())
}

fn set_discard(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "discard")?;
    let key = exactly_one("set.discard", &rest)?;
    sets::set_discard(vm, set, key)?;
    Ok(none())
}

fn set_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "remove")?;
    let key = exactly_one("set.remove", &rest)?;
    sets::set_remove(vm, set, key)?;
    Ok(none())
}

fn set_pop(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "pop")?;
    no_args("set.pop", &rest)?;
    Ok(sets::set_pop(set)?.get())
}

/// `copy()`: a frozenset's copy is itself (exact frozensets only).
fn set_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "copy")?;
    let name = if data.frozen { "frozenset.copy" } else { "set.copy" };
    no_args(name, &rest)?;
    if data.frozen && crate::runtime::types::type_of(set) == types().frozenset {
        return Ok(set);
    }
    Ok(sets::set_copy(vm, set)?.get())
}

/// The positional arguments of a method taking `*others`.
fn others<'a>(method: &str, rest: &Args<'a>) -> PyResult<&'a [StackRef]> {
    no_keywords(method, rest)?;
    Ok(rest.pos())
}

fn qualified(data: &SetData, method: &str) -> String {
    format!("{}.{method}", if data.frozen { "frozenset" } else { "set" })
}

fn set_union(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "union")?;
    let others = others(&qualified(data, "union"), &rest)?;
    Ok(sets::union_multi(vm, set, others)?.get())
}

fn set_intersection(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "intersection")?;
    let others = others(&qualified(data, "intersection"), &rest)?;
    Ok(sets::intersection_multi(vm, set, others)?.get())
}

fn set_difference(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "difference")?;
    let others = others(&qualified(data, "difference"), &rest)?;
    Ok(sets::difference_multi(vm, set, others)?.get())
}

fn set_symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "symmetric_difference")?;
    let other = exactly_one(&qualified(data, "symmetric_difference"), &rest)?;
    Ok(sets::symmetric_difference(vm, set, other)?.get())
}

fn set_update(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "update")?;
    for other in others("set.update", &rest)? {
        sets::set_update(vm, set, *other)?;
    }
    Ok(none())
}

fn set_intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "intersection_update")?;
    let others = others("set.intersection_update", &rest)?;
    let result = sets::intersection_multi(vm, set, others)?;
    if result.get() != set {
        sets::take_body_from(set, result.get());
    }
    Ok(none())
}

fn set_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "difference_update")?;
    for other in others("set.difference_update", &rest)? {
        sets::difference_update(vm, set, *other)?;
    }
    Ok(none())
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, "symmetric_difference_update")?;
    let other = exactly_one("set.symmetric_difference_update", &rest)?;
    sets::symmetric_difference_update(vm, set, other)?;
    Ok(none())
}

fn set_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "isdisjoint")?;
    let other = exactly_one(&qualified(data, "isdisjoint"), &rest)?;
    Ok(bool_value(sets::isdisjoint(vm, set, other)?))
}

fn set_issubset(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "issubset")?;
    let other = exactly_one(&qualified(data, "issubset"), &rest)?;
    Ok(bool_value(sets::issubset(vm, set, other)?))
}

fn set_issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "issuperset")?;
    let other = exactly_one(&qualified(data, "issuperset"), &rest)?;
    Ok(bool_value(sets::issuperset(vm, set, other)?))
}

fn set_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "__contains__")?;
    let key = exactly_one(&qualified(data, "__contains__"), &rest)?;
    Ok(bool_value(sets::set_contains(vm, set, key)?))
}

fn set_len(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this(args, "__len__")?;
    no_args(&qualified(data, "__len__"), &rest)?;
    Ok(crate::objects::new::int(data.len() as i64))
}

fn set_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "__iter__")?;
    no_args(&qualified(data, "__iter__"), &rest)?;
    Ok(sets::set_iter(set))
}

fn set_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, "__repr__")?;
    no_args(&qualified(data, "__repr__"), &rest)?;
    Ok(crate::objects::new::string(sets::set_repr(vm, set)?))
}

/// A rich comparison dunder: NotImplemented unless the other operand is a set.
fn compare_dunder(vm: &mut Vm, args: Args<'_>, method: &str, op: CompareOp) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, method)?;
    let other = exactly_one(&qualified(data, method), &rest)?;
    Ok(match sets::set_compare(vm, set, other, op)? {
        Some(result) => bool_value(result),
        None => types().not_implemented,
    })
}

/// A binary operator dunder; `reflected` puts the receiver on the right.
fn operator_dunder(vm: &mut Vm, args: Args<'_>, method: &str, op: u32, reflected: bool) -> PyResult<StackRef> {
    let (set, data, rest) = this(args, method)?;
    let other = exactly_one(&qualified(data, method), &rest)?;
    let (left, right) = if reflected { (other, set) } else { (set, other) };
    Ok(match sets::set_binary(vm, op, left, right)? {
        Some(result) => result.get(),
        None => types().not_implemented,
    })
}

/// An in-place operator dunder: the set itself, or NotImplemented for a non-set.
fn inplace_dunder(vm: &mut Vm, args: Args<'_>, method: &str, op: u32) -> PyResult<StackRef> {
    let (set, rest) = this_mutable(args, method)?;
    let other = exactly_one(&format!("set.{method}"), &rest)?;
    Ok(if sets::set_inplace(vm, op, set, other)? { set } else { types().not_implemented })
}

/// One builtin function per dunder, each calling its shared helper.
macro_rules! dunders {
    ($($name:ident => $helper:ident($($arg:expr),*);)*) => {
        $(fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
            $helper(vm, args, $($arg),*)
        })*
    };
}

dunders! {
    set_eq => compare_dunder("__eq__", CompareOp::Eq);
    set_ne => compare_dunder("__ne__", CompareOp::Ne);
    set_lt => compare_dunder("__lt__", CompareOp::Lt);
    set_le => compare_dunder("__le__", CompareOp::Le);
    set_gt => compare_dunder("__gt__", CompareOp::Gt);
    set_ge => compare_dunder("__ge__", CompareOp::Ge);
    set_or => operator_dunder("__or__", nb::OR, false);
    set_and => operator_dunder("__and__", nb::AND, false);
    set_sub => operator_dunder("__sub__", nb::SUBTRACT, false);
    set_xor => operator_dunder("__xor__", nb::XOR, false);
    set_ror => operator_dunder("__ror__", nb::OR, true);
    set_rand => operator_dunder("__rand__", nb::AND, true);
    set_rsub => operator_dunder("__rsub__", nb::SUBTRACT, true);
    set_rxor => operator_dunder("__rxor__", nb::XOR, true);
    set_ior => inplace_dunder("__ior__", nb::OR);
    set_iand => inplace_dunder("__iand__", nb::AND);
    set_isub => inplace_dunder("__isub__", nb::SUBTRACT);
    set_ixor => inplace_dunder("__ixor__", nb::XOR);
}
