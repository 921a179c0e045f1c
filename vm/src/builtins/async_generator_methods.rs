//! The methods and attributes of async generators (`__aiter__`, `__anext__`,
//! `asend`, `athrow`, `aclose`, `ag_*`), of the awaitables they return
//! (`async_generator_asend`, `async_generator_athrow`), of `coroutine.__await__()` and
//! its `coroutine_wrapper`, and the builtins `aiter` and `anext`. The work is
//! `runtime::async_generators`.

use crate::heap::Handle;
use crate::objects::awaitable::{AsyncGenASendData, AsyncGenAThrowData, CoroWrapperData};
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::generator::{GenFlavor, GeneratorData};
use crate::objects::new;
use crate::runtime::async_generators::{coroutine_wrapper, new_asend, new_athrow};
use crate::runtime::errors::{type_error, ExcType, PyErr};
use crate::runtime::types::{bool_value, none, type_name_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

use super::args::{check_count, no_args, no_keywords, receiver, split_self};
use super::generator_methods::thrown_exception;

const ASYNC_GENERATOR_METHODS: &[(&str, BuiltinFn)] = &[
    ("__aiter__", agen_aiter),
    ("__anext__", agen_anext),
    ("asend", agen_asend),
    ("athrow", agen_athrow),
    ("aclose", agen_aclose),
];

const ASYNC_GENERATOR_ATTRIBUTES: &[(&str, BuiltinFn)] =
    &[("ag_running", agen_running), ("ag_code", agen_code), ("ag_frame", agen_frame), ("ag_await", agen_await)];

const ASEND_METHODS: &[(&str, BuiltinFn)] = &[
    ("__await__", returns_self_asend),
    ("__iter__", returns_self_asend),
    ("__next__", asend_next),
    ("send", asend_send),
    ("throw", asend_throw),
    ("close", asend_close),
];

const ATHROW_METHODS: &[(&str, BuiltinFn)] = &[
    ("__await__", returns_self_athrow),
    ("__iter__", returns_self_athrow),
    ("__next__", athrow_next),
    ("send", athrow_send),
    ("throw", athrow_throw),
    ("close", athrow_close),
];

const CORO_WRAPPER_METHODS: &[(&str, BuiltinFn)] = &[
    ("__iter__", wrapper_iter),
    ("__next__", wrapper_next),
    ("send", wrapper_send),
    ("throw", wrapper_throw),
    ("close", wrapper_close),
];

/// The receiver of an async generator method.
fn agen<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, &'static GeneratorData, Args<'a>)> {
    let (this, rest) = split_self(args, "async_generator", method)?;
    match this.downcast::<GeneratorData>() {
        Some(g) if g.flavor == GenFlavor::AsyncGenerator => Ok((this, g, rest)),
        _ => Err(super::args::descriptor_error(method, "async_generator", this)),
    }
}

/// The exception `throw(typ[, val[, tb]])` of an awaitable's arguments.
fn thrown(vm: &mut Vm, method: &str, rest: &Args<'_>) -> PyResult<PyErr> {
    no_keywords(method, rest)?;
    let pos = rest.pos();
    check_count(method, pos.len(), 1, 3)?;
    thrown_exception(vm, pos[0], pos.get(1).copied(), pos.get(2).copied())
}

/// The single argument of a `send` method.
fn send_arg(type_name: &str, rest: &Args<'_>) -> PyResult<StackRef> {
    no_keywords(&format!("{type_name}.send"), rest)?;
    let pos = rest.pos();
    if pos.len() != 1 {
        return Err(type_error(format!("{type_name}.send() takes exactly one argument ({} given)", pos.len())));
    }
    Ok(pos[0])
}

fn agen_aiter(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = agen(args, "__aiter__")?;
    no_args("async_generator.__aiter__", &rest)?;
    Ok(this)
}

fn agen_anext(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = agen(args, "__anext__")?;
    no_args("async_generator.__anext__", &rest)?;
    Ok(new_asend(this, none()))
}

fn agen_asend(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = agen(args, "asend")?;
    let value = super::args::exactly_one("asend", &rest)?;
    Ok(new_asend(this, value))
}

fn agen_athrow(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = agen(args, "athrow")?;
    no_keywords("athrow", &rest)?;
    check_count("athrow", rest.pos().len(), 1, 3)?;
    let args = new::tuple(rest.pos().to_vec());
    let _keep = Handle::new(args);
    Ok(new_athrow(this, args))
}

fn agen_aclose(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = agen(args, "aclose")?;
    no_args("async_generator.aclose", &rest)?;
    Ok(new_athrow(this, StackRef::NULL))
}

fn agen_running(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, g, _) = agen(args, "ag_running")?;
    Ok(bool_value(g.running_async.get()))
}

fn agen_code(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, g, _) = agen(args, "ag_code")?;
    Ok(g.code)
}

fn agen_frame(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, _) = agen(args, "ag_frame")?;
    Ok(crate::runtime::frame_objects::generator_frame(this))
}

fn agen_await(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, _) = agen(args, "ag_await")?;
    Ok(vm.generator_yieldfrom(this).unwrap_or(none()))
}

fn returns_self_asend(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<AsyncGenASendData>(args, "async_generator_asend", "__await__")?;
    no_args("async_generator_asend.__await__", &rest)?;
    Ok(this)
}

fn asend_next(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<AsyncGenASendData>(args, "async_generator_asend", "__next__")?;
    no_args("async_generator_asend.__next__", &rest)?;
    vm.asend_send(this, none())
}

fn asend_send(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<AsyncGenASendData>(args, "async_generator_asend", "send")?;
    let v = send_arg("async_generator_asend", &rest)?;
    vm.asend_send(this, v)
}

fn asend_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<AsyncGenASendData>(args, "async_generator_asend", "throw")?;
    let err = thrown(vm, "throw", &rest)?;
    vm.asend_throw(this, err)
}

fn asend_close(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, a, rest) = receiver::<AsyncGenASendData>(args, "async_generator_asend", "close")?;
    no_args("async_generator_asend.close", &rest)?;
    a.state.set(crate::objects::awaitable::AwaitableState::Closed);
    Ok(none())
}

fn returns_self_athrow(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<AsyncGenAThrowData>(args, "async_generator_athrow", "__await__")?;
    no_args("async_generator_athrow.__await__", &rest)?;
    Ok(this)
}

fn athrow_next(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<AsyncGenAThrowData>(args, "async_generator_athrow", "__next__")?;
    no_args("async_generator_athrow.__next__", &rest)?;
    vm.athrow_send(this, none())
}

fn athrow_send(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<AsyncGenAThrowData>(args, "async_generator_athrow", "send")?;
    let v = send_arg("async_generator_athrow", &rest)?;
    vm.athrow_send(this, v)
}

fn athrow_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<AsyncGenAThrowData>(args, "async_generator_athrow", "throw")?;
    let err = thrown(vm, "throw", &rest)?;
    vm.athrow_throw(this, err)
}

fn athrow_close(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, a, rest) = receiver::<AsyncGenAThrowData>(args, "async_generator_athrow", "close")?;
    no_args("async_generator_athrow.close", &rest)?;
    a.state.set(crate::objects::awaitable::AwaitableState::Closed);
    Ok(none())
}

/// `coroutine.__await__()`.
fn coroutine_await(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = split_self(args, "coroutine", "__await__")?;
    match this.downcast::<GeneratorData>() {
        Some(g) if g.flavor == GenFlavor::Coroutine => {}
        _ => return Err(super::args::descriptor_error("__await__", "coroutine", this)),
    }
    no_args("coroutine.__await__", &rest)?;
    Ok(coroutine_wrapper(this))
}

fn wrapper_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, _, rest) = receiver::<CoroWrapperData>(args, "coroutine_wrapper", "__iter__")?;
    no_args("coroutine_wrapper.__iter__", &rest)?;
    Ok(this)
}

fn wrapper_next(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, w, rest) = receiver::<CoroWrapperData>(args, "coroutine_wrapper", "__next__")?;
    no_args("coroutine_wrapper.__next__", &rest)?;
    vm.generator_send(w.coro, none())
}

fn wrapper_send(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, w, rest) = receiver::<CoroWrapperData>(args, "coroutine_wrapper", "send")?;
    let v = send_arg("coroutine_wrapper", &rest)?;
    vm.generator_send(w.coro, v)
}

fn wrapper_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, w, rest) = receiver::<CoroWrapperData>(args, "coroutine_wrapper", "throw")?;
    let err = thrown(vm, "throw", &rest)?;
    vm.generator_throw(w.coro, err)
}

fn wrapper_close(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, w, rest) = receiver::<CoroWrapperData>(args, "coroutine_wrapper", "close")?;
    no_args("coroutine_wrapper.close", &rest)?;
    vm.generator_close(w.coro)?;
    Ok(none())
}

/// `aiter(async_iterable)`.
pub(crate) fn builtin_aiter(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let obj = super::args::exactly_one("aiter", &args)?;
    let Some(it) = vm.call_special(obj, "__aiter__", &[])? else {
        return Err(type_error(format!("'{}' object is not an async iterable", type_name_of(obj))));
    };
    if vm.lookup_special(it, "__anext__").is_none() {
        return Err(type_error(format!("aiter() returned not an async iterator of type '{}'", type_name_of(it))));
    }
    Ok(it)
}

/// `anext(async_iterator)`: the awaitable of its `__anext__`. (The two-argument form,
/// with a default, needs CPython's `anext_awaitable` and is not built.)
pub(crate) fn builtin_anext(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("anext", &args)?;
    let pos = args.pos();
    super::args::check_positional("anext", pos.len(), 1, 2)?;
    let obj = pos[0];
    if vm.lookup_special(obj, "__anext__").is_none() {
        return Err(type_error(format!("'{}' object is not an async iterator", type_name_of(obj))));
    }
    if pos.len() == 2 {
        return Err(PyErr::new(ExcType::NotImplementedError, "anext() with a default is not supported yet"));
    }
    Ok(vm.call_special(obj, "__anext__", &[])?.unwrap_or(none()))
}

/// Registers the methods on the async generator type and the awaitables.
pub(crate) fn install() {
    let t = types();
    super::add_methods(t.async_generator, ASYNC_GENERATOR_METHODS);
    super::add_attributes(t.async_generator, ASYNC_GENERATOR_ATTRIBUTES);
    super::add_methods(t.async_generator_asend, ASEND_METHODS);
    super::add_methods(t.async_generator_athrow, ATHROW_METHODS);
    super::add_methods(t.coroutine_wrapper, CORO_WRAPPER_METHODS);
    super::add_methods(t.coroutine, &[("__await__", coroutine_await)]);
}
