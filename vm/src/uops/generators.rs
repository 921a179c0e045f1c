//! The generator uops that are not special: GET_YIELD_FROM_ITER. (RETURN_GENERATOR,
//! YIELD_VALUE, SEND and the generator frame pushes move frames, so they are special
//! uops of the interpreter loops, built on `runtime::generators`.)

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
