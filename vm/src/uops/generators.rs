//! The generator uops that are not special: GET_YIELD_FROM_ITER, and for coroutines
//! GET_AWAITABLE, GET_AITER, GET_ANEXT and ASYNC_GEN_WRAP. (RETURN_GENERATOR,
//! YIELD_VALUE, SEND, END_ASYNC_FOR and the generator frame pushes move frames or
//! re-raise, so they are
//! special uops of the interpreter loops, built on `runtime::generators`.)

use crate::objects::generator::GenFlavor;
use crate::runtime::errors::type_error;
use crate::runtime::generators::generator_data;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// `yield from x`: a generator delegates to itself, anything else to `iter(x)`; a
/// coroutine only inside a coroutine.
pub fn get_yield_from_iter(vm: &mut Vm, iterable: StackRef) -> PyResult<StackRef> {
    match generator_data(iterable).map(|g| g.flavor) {
        Some(GenFlavor::Generator) => Ok(iterable),
        Some(GenFlavor::Coroutine) => {
            let flags = vm.frame().code.flags;
            if flags & crate::compiler::code::code_flags::COROUTINE == 0
                && flags & crate::compiler::code::code_flags::ITERABLE_COROUTINE == 0
            {
                return Err(type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
            }
            Ok(iterable)
        }
        _ => crate::ops::iter(vm, iterable),
    }
}

/// GET_AWAITABLE.
pub fn get_awaitable(vm: &mut Vm, oparg: u32, iterable: StackRef) -> PyResult<StackRef> {
    vm.get_awaitable(iterable, oparg)
}

/// GET_AITER.
pub fn get_aiter(vm: &mut Vm, obj: StackRef) -> PyResult<StackRef> {
    vm.get_aiter(obj)
}

/// GET_ANEXT.
pub fn get_anext(vm: &mut Vm, aiter: StackRef) -> PyResult<StackRef> {
    vm.get_anext(aiter)
}

/// ASYNC_GEN_WRAP.
pub fn async_gen_wrap(value: StackRef) -> StackRef {
    crate::runtime::async_generators::wrap_async_gen_value(value)
}
