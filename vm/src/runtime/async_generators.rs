//! `await`, `async for` and async generators, as CPython 3.11 has them.
//!
//! `await x` delegates (SEND, YIELD_VALUE) to the iterator GET_AWAITABLE makes of `x`:
//! a coroutine itself, or what `type(x).__await__(x)` returns. `async for` calls
//! `__aiter__` once (GET_AITER) and awaits `__anext__()` each time (GET_ANEXT) until
//! it raises StopAsyncIteration (END_ASYNC_FOR).
//!
//! An async generator is resumed only from Rust, by the awaitables its methods return:
//! `asend(v)`/`__anext__()` and `athrow(...)`/`aclose()`. Its `yield` hands up a
//! wrapped value (ASYNC_GEN_WRAP); anything else reaching the awaitable is a value an
//! `await` inside the generator passes through to the event loop. So the awaitable
//! turns a wrapped value into StopIteration(value) (the result of `await agen.asend()`)
//! and passes the rest on; the generator's return becomes StopAsyncIteration.

use crate::compiler::code::code_flags;
use crate::heap::{self, Handle};
use crate::objects::awaitable::{
    AsyncGenASendData, AsyncGenAThrowData, AsyncGenWrappedValueData, AwaitableState, CoroWrapperData,
};
use crate::objects::generator::{GenFlavor, GenState, GeneratorData};
use crate::runtime::errors::{type_error, ExcType, PyErr};
use crate::runtime::generators::generator_data;
use crate::runtime::types::{none, type_name_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// Whether `v` is a coroutine: a coroutine object, or a generator whose code is an
/// iterable coroutine (`types.coroutine`).
pub fn is_coroutine(v: StackRef) -> bool {
    match generator_data(v) {
        Some(g) => match g.flavor {
            GenFlavor::Coroutine => true,
            GenFlavor::Generator => g.code_data().flags & code_flags::ITERABLE_COROUTINE != 0,
            GenFlavor::AsyncGenerator => false,
        },
        None => false,
    }
}

/// The async generator payload of `v`, if it is one.
pub fn async_generator_data(v: StackRef) -> Option<&'static GeneratorData> {
    generator_data(v).filter(|g| g.flavor == GenFlavor::AsyncGenerator)
}

/// StopIteration carrying `value` (no argument for None), as a generator's return.
pub fn stop_iteration(value: StackRef) -> PyErr {
    if value == none() {
        PyErr::bare(ExcType::StopIteration)
    } else {
        PyErr::with_args(ExcType::StopIteration, &[value])
    }
}

/// A new `coroutine.__await__()` iterator over `coro`.
pub fn coroutine_wrapper(coro: StackRef) -> StackRef {
    heap::incref(coro);
    heap::alloc(types().coroutine_wrapper, CoroWrapperData { coro })
}

/// ASYNC_GEN_WRAP: the value of an async generator's `yield`, wrapped.
pub fn wrap_async_gen_value(value: StackRef) -> StackRef {
    heap::incref(value);
    heap::alloc(types().async_generator_wrapped_value, AsyncGenWrappedValueData { value })
}

/// `agen.asend(value)` (and `agen.__anext__()`, value None).
pub fn new_asend(gen: StackRef, sendval: StackRef) -> StackRef {
    heap::incref(gen);
    heap::incref(sendval);
    heap::alloc(
        types().async_generator_asend,
        AsyncGenASendData { gen, sendval, state: std::cell::Cell::new(AwaitableState::Init) },
    )
}

/// `agen.athrow(*args)` (args a tuple), or `agen.aclose()` (args NULL).
pub fn new_athrow(gen: StackRef, args: StackRef) -> StackRef {
    heap::incref(gen);
    heap::incref(args);
    heap::alloc(
        types().async_generator_athrow,
        AsyncGenAThrowData { gen, args, state: std::cell::Cell::new(AwaitableState::Init) },
    )
}

const ASEND_REUSED: &str = "cannot reuse already awaited __anext__()/asend()";
const ATHROW_REUSED: &str = "cannot reuse already awaited aclose()/athrow()";
const IGNORED_EXIT: &str = "async generator ignored GeneratorExit";

/// What a value the async generator handed up means: a wrapped one is the result of
/// the `yield` (StopIteration), anything else passes through. Its end
/// (StopAsyncIteration, GeneratorExit) marks the generator closed.
fn unwrap_value(gen: &GeneratorData, result: PyResult<StackRef>) -> PyResult<StackRef> {
    match result {
        Err(e) => {
            if e.matches(ExcType::StopAsyncIteration) || e.matches(ExcType::GeneratorExit) {
                gen.closed.set(true);
            }
            gen.running_async.set(false);
            Err(e)
        }
        Ok(v) => match v.downcast::<AsyncGenWrappedValueData>() {
            Some(w) => {
                gen.running_async.set(false);
                let value = Handle::new(w.value);
                Err(stop_iteration(value.get()))
            }
            None => Ok(v),
        },
    }
}

/// Whether a value the generator handed up is a wrapped `yield`.
fn is_wrapped(v: StackRef) -> bool {
    v.downcast::<AsyncGenWrappedValueData>().is_some()
}

impl Vm {
    /// SEND to one of the awaitables of this module, without a method call: the
    /// value it yields, or its exception (StopIteration for its result); None for
    /// any other receiver.
    pub(crate) fn send_to_awaitable(&mut self, receiver: StackRef, v: StackRef) -> Option<PyResult<StackRef>> {
        match receiver.kind() {
            crate::objects::kind::Kind::AsyncGenASend => Some(self.asend_send(receiver, v)),
            crate::objects::kind::Kind::AsyncGenAThrow => Some(self.athrow_send(receiver, v)),
            crate::objects::kind::Kind::CoroWrapper => {
                let coro = receiver.downcast::<CoroWrapperData>().expect("a coroutine wrapper").coro;
                Some(self.generator_send(coro, v))
            }
            _ => None,
        }
    }

    /// The iterator `await obj` delegates to (CPython's `_PyCoro_GetAwaitableIter`),
    /// or None when type(obj) has no `__await__`.
    pub fn awaitable_iter(&mut self, obj: StackRef) -> PyResult<Option<StackRef>> {
        if is_coroutine(obj) {
            return Ok(Some(obj));
        }
        let Some(res) = self.call_special(obj, "__await__", &[])? else { return Ok(None) };
        if is_coroutine(res) {
            return Err(type_error("__await__() returned a coroutine"));
        }
        if !crate::ops::is_iterator(self, res) {
            return Err(type_error(format!("__await__() returned non-iterator of type '{}'", type_name_of(res))));
        }
        Ok(Some(res))
    }

    /// GET_AWAITABLE: `await obj`'s iterator. `context` says where the object came
    /// from, for the message: 0 an `await`, 1 `__aenter__`, 2 `__aexit__`.
    pub fn get_awaitable(&mut self, obj: StackRef, context: u32) -> PyResult<StackRef> {
        let Some(it) = self.awaitable_iter(obj)? else {
            let name = type_name_of(obj);
            return Err(type_error(match context {
                1 => {
                    format!("'async with' received an object from __aenter__ that does not implement __await__: {name}")
                }
                2 => {
                    format!("'async with' received an object from __aexit__ that does not implement __await__: {name}")
                }
                _ => format!("object {name} can't be used in 'await' expression"),
            }));
        };
        if generator_data(it).is_some_and(|g| g.flavor == GenFlavor::Coroutine)
            && self.generator_yieldfrom(it).is_some()
        {
            return Err(PyErr::new(ExcType::RuntimeError, "coroutine is being awaited already"));
        }
        Ok(it)
    }

    /// GET_AITER: `type(obj).__aiter__(obj)`, which must have `__anext__`.
    pub fn get_aiter(&mut self, obj: StackRef) -> PyResult<StackRef> {
        let Some(it) = self.call_special(obj, "__aiter__", &[])? else {
            return Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                type_name_of(obj)
            )));
        };
        if self.lookup_special(it, "__anext__").is_none() {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                type_name_of(it)
            )));
        }
        Ok(it)
    }

    /// GET_ANEXT: the awaitable iterator of `type(aiter).__anext__(aiter)`.
    pub fn get_anext(&mut self, aiter: StackRef) -> PyResult<StackRef> {
        if async_generator_data(aiter).is_some() {
            return Ok(new_asend(aiter, none()));
        }
        let Some(awaitable) = self.call_special(aiter, "__anext__", &[])? else {
            return Err(type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                type_name_of(aiter)
            )));
        };
        let awaitable = Handle::new(awaitable);
        match self.awaitable_iter(awaitable.get())? {
            Some(it) => Ok(it),
            None => Err(type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                type_name_of(awaitable.get())
            ))),
        }
    }

    /// `asend.send(v)` (and `__next__`, v None).
    pub fn asend_send(&mut self, asend_ref: StackRef, v: StackRef) -> PyResult<StackRef> {
        let asend = asend_ref.downcast::<AsyncGenASendData>().expect("an asend awaitable");
        let gen = generator_data(asend.gen).expect("an async generator");
        let mut arg = v;
        match asend.state.get() {
            AwaitableState::Closed => return Err(PyErr::new(ExcType::RuntimeError, ASEND_REUSED)),
            AwaitableState::Init => {
                if gen.running_async.get() {
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "anext(): asynchronous generator is already running",
                    ));
                }
                if arg == none() {
                    arg = asend.sendval;
                }
                asend.state.set(AwaitableState::Iter);
            }
            AwaitableState::Iter => {}
        }
        let _keep = Handle::new(asend_ref);
        gen.running_async.set(true);
        let result = self.generator_send(asend.gen, arg);
        let result = unwrap_value(gen, result);
        if result.is_err() {
            asend.state.set(AwaitableState::Closed);
        }
        result
    }

    /// `asend.throw(...)`: thrown into the generator.
    pub fn asend_throw(&mut self, asend_ref: StackRef, err: PyErr) -> PyResult<StackRef> {
        let asend = asend_ref.downcast::<AsyncGenASendData>().expect("an asend awaitable");
        if asend.state.get() == AwaitableState::Closed {
            return Err(PyErr::new(ExcType::RuntimeError, ASEND_REUSED));
        }
        let gen = generator_data(asend.gen).expect("an async generator");
        let _keep = Handle::new(asend_ref);
        let result = self.generator_throw(asend.gen, err);
        let result = unwrap_value(gen, result);
        if result.is_err() {
            asend.state.set(AwaitableState::Closed);
        }
        result
    }

    /// `athrow.send(v)` (and `__next__`): the first send throws the exception in (for
    /// aclose, GeneratorExit), later ones go to the generator.
    pub fn athrow_send(&mut self, athrow_ref: StackRef, v: StackRef) -> PyResult<StackRef> {
        let athrow = athrow_ref.downcast::<AsyncGenAThrowData>().expect("an athrow awaitable");
        let gen = generator_data(athrow.gen).expect("an async generator");
        let is_close = athrow.args.is_null();
        let _keep = Handle::new(athrow_ref);
        match athrow.state.get() {
            AwaitableState::Closed => return Err(PyErr::new(ExcType::RuntimeError, ATHROW_REUSED)),
            _ if gen.state.get() == GenState::Completed => {
                athrow.state.set(AwaitableState::Closed);
                return Err(PyErr::bare(ExcType::StopIteration));
            }
            AwaitableState::Init => {
                if gen.running_async.get() {
                    athrow.state.set(AwaitableState::Closed);
                    let what = if is_close { "aclose" } else { "athrow" };
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        format!("{what}(): asynchronous generator is already running"),
                    ));
                }
                if gen.closed.get() {
                    athrow.state.set(AwaitableState::Closed);
                    return Err(PyErr::bare(ExcType::StopAsyncIteration));
                }
                if v != none() {
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "can't send non-None value to a just-started coroutine",
                    ));
                }
                athrow.state.set(AwaitableState::Iter);
                gen.running_async.set(true);
                if is_close {
                    gen.closed.set(true);
                    let result = self.generator_throw_ex(athrow.gen, PyErr::bare(ExcType::GeneratorExit), false);
                    return self.aclose_outcome(athrow, gen, result);
                }
                let args = athrow.args.downcast::<crate::objects::tuple::TupleData>().expect("athrow's arguments");
                let items = args.items.to_vec();
                let err = crate::builtins::generator_methods::thrown_exception(
                    self,
                    items[0],
                    items.get(1).copied(),
                    items.get(2).copied(),
                )?;
                let result = self.generator_throw_ex(athrow.gen, err, false);
                return self.athrow_outcome(athrow, gen, result);
            }
            AwaitableState::Iter => {}
        }
        let result = self.generator_send(athrow.gen, v);
        if is_close {
            self.aclose_outcome(athrow, gen, result)
        } else {
            self.athrow_outcome(athrow, gen, result)
        }
    }

    /// `athrow.throw(...)`: thrown into the generator.
    pub fn athrow_throw(&mut self, athrow_ref: StackRef, err: PyErr) -> PyResult<StackRef> {
        let athrow = athrow_ref.downcast::<AsyncGenAThrowData>().expect("an athrow awaitable");
        if athrow.state.get() == AwaitableState::Closed {
            return Err(PyErr::new(ExcType::RuntimeError, ATHROW_REUSED));
        }
        let gen = generator_data(athrow.gen).expect("an async generator");
        let _keep = Handle::new(athrow_ref);
        let result = self.generator_throw_ex(athrow.gen, err, false);
        if athrow.args.is_null() {
            self.aclose_outcome(athrow, gen, result)
        } else {
            self.athrow_outcome(athrow, gen, result)
        }
    }

    /// An athrow's result: as asend's, and the awaitable is used up when it ends.
    fn athrow_outcome(
        &mut self,
        athrow: &AsyncGenAThrowData,
        gen: &GeneratorData,
        result: PyResult<StackRef>,
    ) -> PyResult<StackRef> {
        let result = unwrap_value(gen, result);
        if result.is_err() {
            athrow.state.set(AwaitableState::Closed);
        }
        result
    }

    /// An aclose's result: a `yield` is refused ("ignored GeneratorExit"), an
    /// `await` passes through, and the generator's end is the end of the aclose
    /// (StopIteration).
    fn aclose_outcome(
        &mut self,
        athrow: &AsyncGenAThrowData,
        gen: &GeneratorData,
        result: PyResult<StackRef>,
    ) -> PyResult<StackRef> {
        match result {
            Ok(v) if is_wrapped(v) => {
                gen.running_async.set(false);
                athrow.state.set(AwaitableState::Closed);
                Err(PyErr::new(ExcType::RuntimeError, IGNORED_EXIT))
            }
            Ok(v) => Ok(v),
            Err(e) => {
                gen.running_async.set(false);
                athrow.state.set(AwaitableState::Closed);
                if e.matches(ExcType::StopAsyncIteration) || e.matches(ExcType::GeneratorExit) {
                    return Err(PyErr::bare(ExcType::StopIteration));
                }
                Err(e)
            }
        }
    }
}
