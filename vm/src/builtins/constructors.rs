//! The `__new__` of every builtin type, and the `__init__`s that go with them
//! (object, BaseException). Calling a type looks `__new__` up along the class's MRO
//! and calls it with (cls, *args, **kwargs); for builtin types `__new__` builds the
//! complete value, since only user-defined and exception `__init__`s are called
//! afterwards. Subclasses of list and dict that define `__init__` get an empty
//! instance here and fill it through `list.__init__` / `dict.__init__`.

use std::cell::{Cell, RefCell};

use num_traits::ToPrimitive;

use crate::builtins::args::{check_positional, kw_name, no_keywords, parse};
use crate::builtins::dict_methods::{update_from, update_from_keywords};
use crate::builtins::list_methods::list_push_all;
use crate::builtins::values::{
    as_str, bigint_to_f64, collect_items, float_value, format_error, index_bigint, is_int, lookup_special,
    sequence_items, small_int, str_data, to_bigint,
};
use crate::format;
use crate::heap::{self, Handle};
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::iterators::{EnumerateData, FilterData, ListIterData, MapData, ReversedData, SeqIterData, ZipData};
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::new;
use crate::objects::range::{RangeData, RangeIterData};
use crate::objects::slice::SliceData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::objects::types::{ClassMethodData, DescriptorData, InstanceData, PropertyData, StaticMethodData, TypeData};
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error, value_error, ExcType};
use crate::runtime::types::{is_subclass, lookup, none, type_data, type_name, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// (type, `__new__`) pairs, filled in by `install`.
pub(crate) fn constructors() -> Vec<(StackRef, BuiltinFn)> {
    let t = types();
    vec![
        (t.object, object_new),
        (t.type_, type_new),
        (t.int, int_new),
        (t.bool_, bool_new),
        (t.float, float_new),
        (t.str_, str_new),
        (t.list, list_new),
        (t.tuple, tuple_new),
        (t.dict, dict_new),
        (t.range, range_new),
        (t.slice, slice_new),
        (t.enumerate, enumerate_new),
        (t.zip, zip_new),
        (t.reversed, reversed_new),
        (t.map, map_new),
        (t.filter, filter_new),
        (t.property, property_new),
        (t.staticmethod, staticmethod_new),
        (t.classmethod, classmethod_new),
        (t.super_, super_new),
        (t.none_type, none_new),
        (t.exception(ExcType::BaseException), exception_new),
    ]
}

/// Splits `cls` off a `__new__` call and checks it is a subtype of `base`.
pub(crate) fn new_receiver<'a>(args: Args<'a>, base: StackRef) -> PyResult<(StackRef, Args<'a>)> {
    let name = type_name(base);
    if args.pos().is_empty() {
        return Err(type_error(format!("{name}.__new__(): not enough arguments")));
    }
    let cls = args.values[0];
    if cls.downcast::<TypeData>().is_none() {
        return Err(type_error(format!("{name}.__new__(X): X is not a type object ({})", type_name_of(cls))));
    }
    if !is_subclass(cls, base) {
        let cls_name = type_name(cls);
        return Err(type_error(format!("{name}.__new__({cls_name}): {cls_name} is not a subtype of {name}")));
    }
    Ok((cls, Args { values: &args.values[1..], kwnames: args.kwnames }))
}

/// The entry `name` in a builtin type's own dict.
fn own_attr(ty: StackRef, name: &str) -> Option<StackRef> {
    let dict = type_data(ty).dict.downcast::<DictData>()?;
    crate::runtime::types::dict_get_str(dict, new::intern(name))
}

/// Whether `cls` resolves `name` to the same thing as the builtin type `base`.
fn inherits_attr(cls: StackRef, base: StackRef, name: &str) -> bool {
    lookup(cls, new::intern(name)) == own_attr(base, name)
}

fn object_new(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    if args.pos().is_empty() {
        return Err(type_error("object.__new__(): not enough arguments"));
    }
    let cls = args.values[0];
    let Some(cls_data) = cls.downcast::<TypeData>() else {
        return Err(type_error(format!("object.__new__(X): X is not a type object ({})", type_name_of(cls))));
    };
    if cls_data.instance_kind != Kind::Instance {
        let name = &cls_data.name;
        return Err(type_error(format!("object.__new__({name}) is not safe, use {name}.__new__()")));
    }
    let excess = args.values.len() > 1;
    if excess {
        let object = types().object;
        if !inherits_attr(cls, object, "__new__") {
            return Err(type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if inherits_attr(cls, object, "__init__") {
            return Err(type_error(format!("{}() takes no arguments", cls_data.name)));
        }
    }
    Ok(heap::alloc(cls, InstanceData { values: RefCell::new(Vec::new()) }))
}

pub(crate) fn object_init(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    if args.pos().is_empty() {
        return Err(type_error("descriptor '__init__' of 'object' object needs an argument"));
    }
    if args.values.len() > 1 {
        let ty = type_of(args.values[0]);
        let object = types().object;
        if !inherits_attr(ty, object, "__init__") {
            return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if inherits_attr(ty, object, "__new__") {
            return Err(type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                type_name(ty)
            )));
        }
    }
    Ok(none())
}

fn type_new(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, rest) = new_receiver(args, types().type_)?;
    let n = rest.values.len();
    if n == 1 && rest.kwnames.is_empty() {
        return Ok(type_of(rest.values[0]));
    }
    if n == 3 {
        return Err(type_error("type() with 3 arguments is not supported yet"));
    }
    Err(type_error("type() takes 1 or 3 arguments"))
}

/// `int(x)` for one argument.
pub(crate) fn int_from_value(vm: &mut Vm, x: StackRef) -> PyResult<StackRef> {
    if x.is_small_int() || type_of(x) == types().int {
        return Ok(x);
    }
    if is_int(x) {
        return Ok(new::bigint(to_bigint(x).expect("int")));
    }
    if let Some(f) = float_value(x) {
        return Ok(new::bigint(format::float_to_int(f).map_err(format_error)?));
    }
    if let Some(s) = as_str(x) {
        return Ok(new::bigint(format::parse_int(s, 10).map_err(format_error)?));
    }
    for (special, what) in [("__int__", "__int__"), ("__index__", "__index__")] {
        if let Some(method) = lookup_special(x, special) {
            let result = vm.call(method, &[x])?;
            return match to_bigint(result) {
                Some(b) => Ok(new::bigint(b)),
                None => Err(type_error(format!("{what} returned non-int (type {})", type_name_of(result)))),
            };
        }
    }
    if let Some(method) = lookup_special(x, "__trunc__") {
        let result = Handle::new(vm.call(method, &[x])?);
        if let Some(b) = to_bigint(result.get()) {
            return Ok(new::bigint(b));
        }
        if lookup_special(result.get(), "__index__").is_none() {
            return Err(type_error(format!("__trunc__ returned non-Integral (type {})", type_name_of(result.get()))));
        }
        return Ok(new::bigint(index_bigint(vm, result.get())?));
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name_of(x)
    )))
}

fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, rest) = new_receiver(args, types().int)?;
    let [x, base] = parse("int", &rest, ["x", "base"], 1, 0, 2)?;
    match (x, base) {
        (None, None) => Ok(new::int(0)),
        (None, Some(_)) => Err(type_error("int() missing string argument")),
        (Some(x), None) => int_from_value(vm, x),
        (Some(x), Some(base)) => {
            let base = index_bigint(vm, base)?;
            let base = match base.to_i64() {
                Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
                _ => return Err(value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            let Some(text) = as_str(x) else {
                return Err(type_error("int() can't convert non-string with explicit base"));
            };
            Ok(new::bigint(format::parse_int(text, base).map_err(format_error)?))
        }
    }
}

fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, rest) = new_receiver(args, types().bool_)?;
    no_keywords("bool", &rest)?;
    check_positional("bool", rest.pos().len(), 0, 1)?;
    match rest.pos().first() {
        None => Ok(types().false_),
        Some(x) => Ok(crate::runtime::types::bool_value(ops::truthy(vm, *x)?)),
    }
}

/// `float(x)` for one argument.
pub(crate) fn float_from_value(vm: &mut Vm, x: StackRef) -> PyResult<f64> {
    if let Some(f) = float_value(x) {
        return Ok(f);
    }
    if let Some(i) = small_int(x) {
        return Ok(i as f64);
    }
    if let Some(b) = to_bigint(x) {
        return bigint_to_f64(&b);
    }
    if let Some(s) = as_str(x) {
        return format::parse_float(s).map_err(format_error);
    }
    if let Some(method) = lookup_special(x, "__float__") {
        let result = vm.call(method, &[x])?;
        return match float_value(result) {
            Some(f) => Ok(f),
            None => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name_of(x),
                type_name_of(result)
            ))),
        };
    }
    if lookup_special(x, "__index__").is_some() {
        let b = index_bigint(vm, x)?;
        return bigint_to_f64(&b);
    }
    Err(type_error(format!("float() argument must be a string or a real number, not '{}'", type_name_of(x))))
}

fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().float)?;
    no_keywords("float", &rest)?;
    check_positional("float", rest.pos().len(), 0, 1)?;
    let exact = cls == types().float;
    let value = match rest.pos().first() {
        None => 0.0,
        Some(x) => {
            if exact && type_of(*x) == types().float {
                return Ok(*x);
            }
            float_from_value(vm, *x)?
        }
    };
    Ok(if exact { new::float(value) } else { heap::alloc_float(cls, value) })
}

fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().str_)?;
    let [object, encoding, errors] = parse("str", &rest, ["object", "encoding", "errors"], 0, 0, 3)?;
    for (name, value) in [("encoding", encoding), ("errors", errors)] {
        if let Some(v) = value {
            if str_data(v).is_none() {
                return Err(type_error(format!("str() argument '{name}' must be str, not {}", type_name_of(v))));
            }
            return Err(type_error("decoding str is not supported"));
        }
    }
    let text = match object {
        None => new::intern(""),
        Some(obj) => ops::str(vm, obj)?,
    };
    if cls == types().str_ {
        return Ok(text);
    }
    let s = str_data(text).expect("str() returns a str");
    Ok(heap::alloc(cls, StrData::new(s.value.clone())))
}

fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().list)?;
    let exact = cls == types().list;
    if exact || inherits_attr(cls, types().list, "__init__") {
        no_keywords("list", &rest)?;
        check_positional("list", rest.pos().len(), 0, 1)?;
    }
    let list =
        if exact { new::list(Vec::new()) } else { heap::alloc(cls, ListData { items: RefCell::new(Vec::new()) }) };
    if !exact && !inherits_attr(cls, types().list, "__init__") {
        // The subclass's __init__ fills it (through list.__init__).
        return Ok(list);
    }
    if let Some(iterable) = rest.pos().first() {
        let list = Handle::new(list);
        let items = collect_items(vm, *iterable)?;
        let values: Vec<StackRef> = items.iter().map(Handle::get).collect();
        list_push_all(list.get().downcast::<ListData>().expect("list"), &values);
        return Ok(list.get());
    }
    Ok(list)
}

fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().tuple)?;
    no_keywords("tuple", &rest)?;
    check_positional("tuple", rest.pos().len(), 0, 1)?;
    let exact = cls == types().tuple;
    let values: Vec<StackRef> = match rest.pos().first() {
        None => Vec::new(),
        Some(iterable) => {
            if exact && type_of(*iterable) == types().tuple {
                return Ok(*iterable);
            }
            if let Some(items) = sequence_items(*iterable) {
                items
            } else {
                let items = crate::ops::collect(vm, *iterable)?;
                let values: Vec<StackRef> = items.iter().map(Handle::get).collect();
                // The handles drop after the tuple holds its own references.
                let tuple = make_tuple(cls, values);
                drop(items);
                return Ok(tuple);
            }
        }
    };
    Ok(make_tuple(cls, values))
}

fn make_tuple(cls: StackRef, values: Vec<StackRef>) -> StackRef {
    if cls == types().tuple {
        return new::tuple(values);
    }
    for v in &values {
        heap::incref(*v);
    }
    heap::alloc(cls, TupleData { items: values.into_boxed_slice() })
}

fn dict_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().dict)?;
    let exact = cls == types().dict;
    let fill = exact || inherits_attr(cls, types().dict, "__init__");
    if fill {
        check_positional("dict", rest.pos().len(), 0, 1)?;
    }
    let dict = if exact { new::dict() } else { heap::alloc(cls, DictData::new()) };
    if !fill {
        return Ok(dict);
    }
    let dict = Handle::new(dict);
    if let Some(other) = rest.pos().first() {
        update_from(vm, dict.get(), *other)?;
    }
    update_from_keywords(vm, dict.get(), &rest)?;
    Ok(dict.get())
}

/// A range bound: any index, but it must fit a tagged int.
fn range_bound(vm: &mut Vm, v: StackRef) -> PyResult<i64> {
    if v.is_small_int() {
        return Ok(v.small_int_value());
    }
    let b = index_bigint(vm, v)?;
    match b.to_i64().filter(|i| StackRef::small_int(*i).is_some()) {
        Some(i) => Ok(i),
        None => Err(overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, rest) = new_receiver(args, types().range)?;
    no_keywords("range", &rest)?;
    let pos = rest.pos();
    check_positional("range", pos.len(), 1, 3)?;
    let (start, stop, step) = match pos.len() {
        1 => (0, range_bound(vm, pos[0])?, 1),
        2 => (range_bound(vm, pos[0])?, range_bound(vm, pos[1])?, 1),
        _ => {
            let start = range_bound(vm, pos[0])?;
            let stop = range_bound(vm, pos[1])?;
            let step = range_bound(vm, pos[2])?;
            if step == 0 {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            (start, stop, step)
        }
    };
    Ok(heap::alloc(types().range, RangeData { start, stop, step }))
}

fn slice_new(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, rest) = new_receiver(args, types().slice)?;
    no_keywords("slice", &rest)?;
    let pos = rest.pos();
    check_positional("slice", pos.len(), 1, 3)?;
    let (start, stop, step) = match pos.len() {
        1 => (none(), pos[0], none()),
        2 => (pos[0], pos[1], none()),
        _ => (pos[0], pos[1], pos[2]),
    };
    for v in [start, stop, step] {
        heap::incref(v);
    }
    Ok(heap::alloc(types().slice, SliceData { start, stop, step }))
}

fn enumerate_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().enumerate)?;
    let [iterable, start] = match parse("enumerate", &rest, ["iterable", "start"], 0, 0, 2)? {
        [None, _] => return Err(type_error("enumerate() missing required argument 'iterable'")),
        [Some(iterable), start] => [iterable, start.unwrap_or_else(|| new::int(0))],
    };
    let start = if is_int(start) {
        to_bigint(start).expect("int")
    } else {
        match lookup_special(start, "__index__") {
            Some(_) => index_bigint(vm, start)?,
            None => {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name_of(start))))
            }
        }
    };
    let start = start.to_i64().ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))?;
    let iterator = ops::iter(vm, iterable)?;
    heap::incref(iterator);
    Ok(heap::alloc(cls, EnumerateData { iter: iterator, count: Cell::new(start) }))
}

fn zip_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().zip)?;
    for (key, _) in rest.kw() {
        if kw_name(key) != "strict" {
            return Err(type_error(format!("'{}' is an invalid keyword argument for zip()", kw_name(key))));
        }
    }
    let mut iterators: Vec<Handle> = Vec::with_capacity(rest.pos().len());
    for iterable in rest.pos() {
        iterators.push(Handle::new(ops::iter(vm, *iterable)?));
    }
    let iters: Vec<StackRef> = iterators.iter().map(Handle::get).collect();
    for it in &iters {
        heap::incref(*it);
    }
    Ok(heap::alloc(cls, ZipData { iters: iters.into_boxed_slice() }))
}

/// A list iterator over a new list of `values` (used to reverse dicts and views).
fn list_iterator_over(values: Vec<StackRef>) -> StackRef {
    let list = new::list(values);
    heap::incref(list);
    heap::alloc(types().list_iterator, ListIterData(SeqIterData { seq: list, index: Cell::new(0) }))
}

fn reversed_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    // `reversed(x)` itself (`for f in reversed(fns)`) passes every argument check.
    let (cls, seq) = match args.values {
        [cls, seq] if args.kwnames.is_empty() && *cls == types().reversed => (*cls, *seq),
        _ => {
            let (cls, rest) = new_receiver(args, types().reversed)?;
            no_keywords("reversed", &rest)?;
            check_positional("reversed", rest.pos().len(), 1, 1)?;
            (cls, rest.pos()[0])
        }
    };
    if let Some(r) = seq.downcast::<RangeData>() {
        let len = r.len();
        let last = (r.start as i128 + (len as i128 - 1).max(0) * r.step as i128) as i64;
        return Ok(heap::alloc(
            types().range_iterator,
            RangeIterData { next: Cell::new(last), step: -r.step, remaining: Cell::new(len) },
        ));
    }
    let sized_len = if let Some(l) = seq.downcast::<ListData>() {
        Some(l.items.borrow().len())
    } else if let Some(t) = seq.downcast::<TupleData>() {
        Some(t.items.len())
    } else {
        seq.downcast::<StrData>().map(|s| s.char_len)
    };
    if let Some(len) = sized_len {
        // The exact builtin types reverse by index; a subclass may define __reversed__.
        let (builtin, ty) = (types(), type_of(seq));
        let exact = ty == builtin.list || ty == builtin.tuple || ty == builtin.str_;
        if exact || lookup_special(seq, "__reversed__").is_none() {
            heap::incref(seq);
            return Ok(heap::alloc(cls, ReversedData { seq, remaining: Cell::new(len) }));
        }
    }
    if let Some(d) = seq.downcast::<DictData>() {
        let mut keys: Vec<StackRef> = d.items().into_iter().map(|(k, _)| k).collect();
        keys.reverse();
        return Ok(list_iterator_over(keys));
    }
    if seq.kind() == Kind::DictView {
        let items = Handle::new(seq);
        let mut values: Vec<Handle> = ops::collect(vm, items.get())?;
        values.reverse();
        return Ok(list_iterator_over(values.iter().map(Handle::get).collect()));
    }
    if let Some(method) = lookup_special(seq, "__reversed__") {
        if method == none() {
            return Err(type_error(format!("'{}' object is not reversible", type_name_of(seq))));
        }
        return vm.call(method, &[seq]);
    }
    let is_sequence = lookup_special(seq, "__getitem__").is_some() && lookup_special(seq, "__len__").is_some();
    if !is_sequence || seq.kind() == Kind::Dict {
        return Err(type_error(format!("'{}' object is not reversible", type_name_of(seq))));
    }
    let len = ops::len(vm, seq)?;
    heap::incref(seq);
    Ok(heap::alloc(cls, ReversedData { seq, remaining: Cell::new(len) }))
}

fn map_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().map)?;
    no_keywords("map", &rest)?;
    let pos = rest.pos();
    if pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut iterators: Vec<Handle> = Vec::with_capacity(pos.len() - 1);
    for iterable in &pos[1..] {
        iterators.push(Handle::new(ops::iter(vm, *iterable)?));
    }
    let iters: Vec<StackRef> = iterators.iter().map(Handle::get).collect();
    for it in &iters {
        heap::incref(*it);
    }
    heap::incref(pos[0]);
    Ok(heap::alloc(cls, MapData { func: pos[0], iters: iters.into_boxed_slice() }))
}

fn filter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().filter)?;
    no_keywords("filter", &rest)?;
    let pos = rest.pos();
    check_positional("filter", pos.len(), 2, 2)?;
    let iterator = ops::iter(vm, pos[1])?;
    heap::incref(iterator);
    heap::incref(pos[0]);
    Ok(heap::alloc(cls, FilterData { func: pos[0], iter: iterator }))
}

/// A property object (getter; setter or NULL).
pub(crate) fn make_property(cls: StackRef, getter: StackRef, setter: StackRef) -> StackRef {
    let setter = if setter == none() { StackRef::NULL } else { setter };
    heap::incref(getter);
    heap::incref(setter);
    heap::alloc(cls, PropertyData(DescriptorData { func: getter, setter: Cell::new(setter) }))
}

fn property_new(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().property)?;
    let [fget, fset, _fdel, _doc] = parse("property", &rest, ["fget", "fset", "fdel", "doc"], 0, 0, 4)?;
    Ok(make_property(cls, fget.unwrap_or_else(none), fset.unwrap_or(StackRef::NULL)))
}

fn this_property<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, &'static PropertyData, StackRef)> {
    let (this, data, rest) = crate::builtins::args::receiver::<PropertyData>(args, "property", method)?;
    let f = crate::builtins::args::exactly_one(&format!("property.{method}"), &rest)?;
    Ok((this, data, f))
}

/// `prop.setter(f)`: a copy of the property with `f` as its setter.
pub(crate) fn property_setter(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, f) = this_property(args, "setter")?;
    Ok(make_property(type_of(this), data.0.func, f))
}

/// `prop.getter(f)`: a copy of the property with `f` as its getter.
pub(crate) fn property_getter(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, f) = this_property(args, "getter")?;
    Ok(make_property(type_of(this), f, data.0.setter.get()))
}

/// `prop.deleter(f)`: deleters are not supported; the property is returned unchanged.
pub(crate) fn property_deleter(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, _) = this_property(args, "deleter")?;
    Ok(make_property(type_of(this), data.0.func, data.0.setter.get()))
}

fn wrapper_argument(name: &str, rest: &Args<'_>) -> PyResult<StackRef> {
    no_keywords(name, rest)?;
    check_positional(name, rest.pos().len(), 1, 1)?;
    let f = rest.pos()[0];
    heap::incref(f);
    Ok(f)
}

fn staticmethod_new(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().staticmethod)?;
    let f = wrapper_argument("staticmethod", &rest)?;
    Ok(heap::alloc(cls, StaticMethodData(DescriptorData { func: f, setter: Cell::new(StackRef::NULL) })))
}

fn classmethod_new(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().classmethod)?;
    let f = wrapper_argument("classmethod", &rest)?;
    Ok(heap::alloc(cls, ClassMethodData(DescriptorData { func: f, setter: Cell::new(StackRef::NULL) })))
}

/// A classmethod wrapping a builtin function (for `dict.fromkeys`).
pub(crate) fn builtin_classmethod(name: &'static str, f: BuiltinFn) -> StackRef {
    let func = new::builtin_function(name, f);
    let wrapper =
        heap::alloc(types().classmethod, ClassMethodData(DescriptorData { func, setter: Cell::new(StackRef::NULL) }));
    heap::make_immortal(wrapper);
    wrapper
}

fn super_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, rest) = new_receiver(args, types().super_)?;
    crate::runtime::classes::new_super(vm, rest)
}

fn none_new(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, rest) = new_receiver(args, types().none_type)?;
    if !rest.values.is_empty() {
        return Err(type_error("NoneType takes no arguments"));
    }
    Ok(none())
}

fn exception_new(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().exception(ExcType::BaseException))?;
    Ok(new::exception(cls, rest.pos()))
}

pub(crate) fn exception_init(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = crate::builtins::args::receiver::<ExceptionData>(args, "BaseException", "__init__")?;
    if !rest.kwnames.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", type_name_of(this))));
    }
    let new_args = new::tuple(rest.pos().to_vec());
    heap::replace(&data.args, new_args);
    Ok(none())
}

/// `exc.with_traceback(tb)`: tracebacks are kept by the VM; returns the exception.
pub(crate) fn exception_with_traceback(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = crate::builtins::args::receiver::<ExceptionData>(args, "BaseException", "with_traceback")?;
    crate::builtins::args::exactly_one("BaseException.with_traceback", &rest)?;
    Ok(this)
}

/// Reads an exception attribute stored like an instance attribute, if set.
fn exception_slot(this: StackRef, data: &ExceptionData, name: &str) -> Option<StackRef> {
    let index = crate::runtime::types::shared_key_index(type_of(this), new::intern(name), false)?;
    data.values.borrow().get(index).copied().filter(|v| !v.is_null())
}

/// Stores an exception attribute like an instance attribute.
fn set_exception_slot(this: StackRef, data: &ExceptionData, name: &str, value: StackRef) {
    let ty = type_of(this);
    let key = new::intern(name);
    let known = crate::runtime::types::shared_key_index(ty, key, false).is_some();
    let index = crate::runtime::types::shared_key_index(ty, key, true).expect("created");
    if !known {
        crate::runtime::types::type_modified(ty);
    }
    heap::incref(value);
    let old = {
        let mut values = data.values.borrow_mut();
        if values.len() <= index {
            values.resize(index + 1, StackRef::NULL);
        }
        std::mem::replace(&mut values[index], value)
    };
    heap::decref(old);
}

/// The getter and setter of an attribute derived from `args` unless assigned:
/// SystemExit.code (None, the single argument, or the args tuple) and
/// StopIteration.value (the first argument or None).
fn derived_exception_attr(args: Args<'_>, name: &'static str, whole_args: bool) -> PyResult<StackRef> {
    let (this, data, rest) = crate::builtins::args::receiver::<ExceptionData>(args, "BaseException", name)?;
    match rest.pos() {
        [] => {
            if let Some(v) = exception_slot(this, data, name) {
                return Ok(v);
            }
            let tuple = data.args.get();
            let items = tuple.downcast::<TupleData>().map(|t| t.items.to_vec()).unwrap_or_default();
            Ok(match items.len() {
                0 => none(),
                1 => items[0],
                _ if whole_args => tuple,
                _ => items[0],
            })
        }
        [value] => {
            set_exception_slot(this, data, name, *value);
            Ok(none())
        }
        _ => Err(type_error(format!("{name} takes at most one value"))),
    }
}

pub(crate) fn system_exit_code(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    derived_exception_attr(args, "code", true)
}

pub(crate) fn stop_iteration_value(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    derived_exception_attr(args, "value", false)
}
