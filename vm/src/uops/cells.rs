//! Cells and free variables, as in CPython 3.11: MAKE_CELL wraps a frame slot's value in
//! a new cell, COPY_FREE_VARS copies the running function's closure cells into the last
//! slots, LOAD_CLOSURE pushes a cell itself (to build a nested function's closure), and
//! LOAD_DEREF, STORE_DEREF, DELETE_DEREF and LOAD_CLASSDEREF work on a cell's contents.
//! Every oparg is a frame slot (`localsplus` index).

use crate::heap;
use crate::objects::cell::CellData;
use crate::objects::function::FunctionData;
use crate::objects::str::text_of;
use crate::objects::tuple::TupleData;
use crate::runtime::errors::{ExcType, PyErr};
use crate::runtime::types::dict_get_str;
use crate::runtime::Frame;
use crate::value::StackRef;
use crate::PyResult;

/// The cell in slot `slot`. The compiler only emits these uops on cell and free slots,
/// which MAKE_CELL and COPY_FREE_VARS fill before anything reads them.
#[inline(always)]
fn cell_at(frame: &Frame, slot: u32) -> Option<&'static CellData> {
    frame.locals().get(slot as usize).downcast::<CellData>()
}

/// The contents of the cell in `slot`; NULL when empty (or, never in compiled code, when
/// the slot holds no cell).
#[inline(always)]
fn contents_at(frame: &Frame, slot: u32) -> StackRef {
    match cell_at(frame, slot) {
        Some(cell) => cell.contents.get(),
        None => StackRef::NULL,
    }
}

pub fn make_cell(frame: &mut Frame, oparg: u32) {
    let initial = frame.locals().get(oparg as usize);
    frame.locals().set(oparg as usize, crate::objects::new::cell(initial));
}

pub fn copy_free_vars(frame: &mut Frame, oparg: u32) {
    let closure = frame.func.downcast::<FunctionData>().and_then(|f| f.closure.downcast::<TupleData>());
    let Some(closure) = closure else { return };
    let first = frame.code.local_count().saturating_sub(oparg as usize);
    for (i, cell) in closure.items.iter().take(oparg as usize).enumerate() {
        frame.locals().set(first + i, *cell);
    }
}

#[inline(always)]
pub fn load_closure(frame: &mut Frame, oparg: u32) -> StackRef {
    frame.locals().get(oparg as usize)
}

#[inline(always)]
pub fn load_deref(frame: &mut Frame, oparg: u32) -> PyResult<StackRef> {
    let value = contents_at(frame, oparg);
    if value.is_null() {
        return Err(unbound_deref(frame, oparg));
    }
    Ok(value)
}

#[inline(always)]
pub fn store_deref(frame: &mut Frame, oparg: u32, value: StackRef) {
    if let Some(cell) = cell_at(frame, oparg) {
        heap::replace(&cell.contents, value);
    }
}

pub fn delete_deref(frame: &mut Frame, oparg: u32) -> PyResult<()> {
    match cell_at(frame, oparg) {
        Some(cell) if !cell.contents.get().is_null() => {
            heap::replace(&cell.contents, StackRef::NULL);
            Ok(())
        }
        _ => Err(unbound_deref(frame, oparg)),
    }
}

/// A free variable read in a class body: the class namespace first, then the cell.
pub fn load_classderef(frame: &mut Frame, oparg: u32) -> PyResult<StackRef> {
    let name = frame.code.localsplus_names[oparg as usize];
    if let Some(namespace) = frame.locals_dict.downcast::<crate::objects::dict::DictData>() {
        if let Some(value) = dict_get_str(namespace, name) {
            return Ok(value);
        }
    }
    load_deref(frame, oparg)
}

/// The error for reading or deleting an empty cell: UnboundLocalError for the code's own
/// cell variables, NameError for free variables (CPython's `format_exc_unbound`).
#[cold]
fn unbound_deref(frame: &Frame, oparg: u32) -> PyErr {
    let name = text_of(frame.code.localsplus_names[oparg as usize]);
    let name = source_name(&name);
    if (oparg as usize) < frame.code.first_free_slot() {
        PyErr::new(
            ExcType::UnboundLocalError,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    } else {
        PyErr::new(
            ExcType::NameError,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    }
}

/// The source name of a slot: an inlined comprehension's hidden variable
/// (`<listcomp>.x`, `<listcomp>.x.2`) reads as `x`.
fn source_name(name: &str) -> &str {
    match name.strip_prefix('<').and_then(|rest| rest.split_once(">.")) {
        Some((_, rest)) => rest.split('.').next().unwrap_or(rest),
        None => name,
    }
}
