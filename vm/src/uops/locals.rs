//! Local variable access.

use crate::runtime::errors::{ExcType, PyErr};
use crate::runtime::Frame;
use crate::value::StackRef;
use crate::PyResult;

#[inline(always)]
pub fn load_fast(frame: &mut Frame, oparg: u32) -> PyResult<StackRef> {
    let value = frame.locals().get(oparg as usize);
    if value.is_null() {
        return Err(unbound_local(frame, oparg));
    }
    Ok(value)
}

#[cold]
fn unbound_local(frame: &Frame, oparg: u32) -> PyErr {
    let name = frame.code.varnames[oparg as usize];
    let name = crate::objects::str::text_of(name);
    PyErr::new(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

#[inline(always)]
pub fn store_fast(frame: &mut Frame, oparg: u32, value: StackRef) {
    frame.locals().set(oparg as usize, value);
}

pub fn delete_fast(frame: &mut Frame, oparg: u32) -> PyResult<()> {
    if frame.locals().get(oparg as usize).is_null() {
        return Err(unbound_local(frame, oparg));
    }
    frame.locals().set(oparg as usize, StackRef::NULL);
    Ok(())
}
