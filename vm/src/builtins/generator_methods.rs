//! The methods and attributes of generators and coroutines: `send`, `throw`, `close`,
//! `__next__`, and the `gi_*` / `cr_*` attributes (`__name__` and `__qualname__` are
//! answered by attribute lookup, `runtime::attrs`, so that the types keep their own), with CPython 3.11's
//! messages. The frame work is `runtime::generators`.

use crate::heap::Handle;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::generator::{GenFlavor, GenState, GeneratorData};
use crate::runtime::errors::{type_error, ExcType, PyErr};
use crate::runtime::types::{bool_value, is_instance, is_subclass, none, type_name_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

use super::args::{check_count, no_args, split_self};

pub(crate) const GENERATOR_METHODS: &[(&str, BuiltinFn)] = &[
    ("__iter__", generator_iter),
    ("__next__", generator_next),
    ("send", generator_send),
    ("throw", generator_throw),
    ("close", generator_close),
];

pub(crate) const GENERATOR_ATTRIBUTES: &[(&str, BuiltinFn)] = &[
    ("gi_running", running),
    ("gi_suspended", suspended),
    ("gi_code", code),
    ("gi_frame", frame),
    ("gi_yieldfrom", yieldfrom),
];

pub(crate) const COROUTINE_METHODS: &[(&str, BuiltinFn)] =
    &[("send", generator_send), ("throw", generator_throw), ("close", generator_close)];

pub(crate) const COROUTINE_ATTRIBUTES: &[(&str, BuiltinFn)] = &[
    ("cr_running", running),
    ("cr_suspended", suspended),
    ("cr_code", code),
    ("cr_frame", frame),
    ("cr_await", yieldfrom),
];

/// The type name CPython's messages use for a flavor.
fn type_name(flavor: GenFlavor) -> &'static str {
    match flavor {
        GenFlavor::Generator => "generator",
        GenFlavor::Coroutine => "coroutine",
        GenFlavor::AsyncGenerator => "async_generator",
    }
}

/// The receiver of a generator method, which must be of `flavor`.
fn receiver<'a>(
    args: Args<'a>,
    flavor: GenFlavor,
    method: &str,
) -> PyResult<(StackRef, &'static GeneratorData, Args<'a>)> {
    let (this, rest) = split_self(args, type_name(flavor), method)?;
    match this.downcast::<GeneratorData>() {
        Some(g) if g.flavor == flavor => Ok((this, g, rest)),
        _ => Err(super::args::descriptor_error(method, type_name(flavor), this)),
    }
}

/// The receiver of a method shared by generators and coroutines.
fn any_receiver<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, &'static GeneratorData, Args<'a>)> {
    let flavor = args
        .pos()
        .first()
        .and_then(|v| v.downcast::<GeneratorData>())
        .map(|g| g.flavor)
        .unwrap_or(GenFlavor::Generator);
    receiver(args, flavor, method)
}

fn generator_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver(args, GenFlavor::Generator, "__iter__")?;
    no_args("generator.__iter__", &rest)?;
    Ok(this)
}

fn generator_next(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver(args, GenFlavor::Generator, "__next__")?;
    no_args("generator.__next__", &rest)?;
    vm.generator_send(this, none())
}

fn generator_send(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, g, rest) = any_receiver(args, "send")?;
    super::args::no_keywords(&format!("{}.send", type_name(g.flavor)), &rest)?;
    let pos = rest.pos();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            type_name(g.flavor),
            pos.len()
        )));
    }
    vm.generator_send(this, pos[0])
}

fn generator_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = any_receiver(args, "throw")?;
    super::args::no_keywords("throw", &rest)?;
    let pos = rest.pos();
    check_count("throw", pos.len(), 1, 3)?;
    let err = thrown_exception(vm, pos[0], pos.get(1).copied(), pos.get(2).copied())?;
    let _keep = Handle::new(this);
    vm.generator_throw(this, err)
}

fn generator_close(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, g, rest) = any_receiver(args, "close")?;
    no_args(&format!("{}.close", type_name(g.flavor)), &rest)?;
    vm.generator_close(this)?;
    Ok(none())
}

/// The exception `throw(typ[, val[, tb]])` raises, normalized as CPython does.
pub(crate) fn thrown_exception(
    vm: &mut Vm,
    typ: StackRef,
    value: Option<StackRef>,
    tb: Option<StackRef>,
) -> PyResult<PyErr> {
    if tb.is_some_and(|t| t != none()) {
        return Err(type_error("throw() third argument must be a traceback object"));
    }
    let base = ExcType::BaseException.class();
    let value = value.filter(|v| *v != none());
    if typ.downcast::<crate::objects::types::TypeData>().is_some() && is_subclass(typ, base) {
        let exc = match value {
            None => vm.call(typ, &[])?,
            Some(v) if is_instance(v, typ) => v,
            Some(v) => match v.downcast::<crate::objects::tuple::TupleData>() {
                Some(t) => {
                    let items = t.items.to_vec();
                    vm.call(typ, &items)?
                }
                None => vm.call(typ, &[v])?,
            },
        };
        if !is_instance(exc, base) {
            return Err(type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::runtime::types::type_name(typ),
                type_name_of(exc)
            )));
        }
        return Ok(PyErr::from_exception(exc));
    }
    if is_instance(typ, base) {
        if value.is_some() {
            return Err(type_error("instance exception may not have a separate value"));
        }
        return Ok(PyErr::from_exception(typ));
    }
    Err(type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        type_name_of(typ)
    )))
}

fn attribute_receiver(args: Args<'_>, name: &str) -> PyResult<(StackRef, &'static GeneratorData)> {
    let (this, g, _) = any_receiver(args, name)?;
    Ok((this, g))
}

fn running(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, g) = attribute_receiver(args, "gi_running")?;
    Ok(bool_value(g.state.get() == GenState::Running))
}

fn suspended(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, g) = attribute_receiver(args, "gi_suspended")?;
    Ok(bool_value(g.state.get() == GenState::Suspended))
}

fn code(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, g) = attribute_receiver(args, "gi_code")?;
    Ok(g.code)
}

fn frame(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _) = attribute_receiver(args, "gi_frame")?;
    Ok(crate::runtime::frame_objects::generator_frame(this))
}

fn yieldfrom(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _) = attribute_receiver(args, "gi_yieldfrom")?;
    Ok(vm.generator_yieldfrom(this).unwrap_or(none()))
}

/// Registers the methods and attributes on the three types.
pub(crate) fn install() {
    let t = types();
    super::add_methods(t.generator, GENERATOR_METHODS);
    super::add_attributes(t.generator, GENERATOR_ATTRIBUTES);
    super::add_methods(t.coroutine, COROUTINE_METHODS);
    super::add_attributes(t.coroutine, COROUTINE_ATTRIBUTES);
}
