//! Exception-handling uops that are not special: matching, the handled-exception
//! state, and the AssertionError class.

use crate::objects::tuple::TupleData;
use crate::objects::types::TypeData;
use crate::runtime::errors::{type_error, ExcType};
use crate::runtime::exc_state;
use crate::runtime::types::{bool_value, is_subclass, type_of, types};
use crate::value::StackRef;
use crate::PyResult;

fn is_exception_class(value: StackRef) -> bool {
    value.downcast::<TypeData>().is_some() && is_subclass(value, ExcType::BaseException.class())
}

pub fn check_exc_match(left: StackRef, right: StackRef) -> PyResult<StackRef> {
    let classes: Vec<StackRef> = match right.downcast::<TupleData>() {
        Some(t) => t.items.to_vec(),
        None => vec![right],
    };
    if classes.iter().any(|c| !is_exception_class(*c)) {
        return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    let ty = type_of(left);
    Ok(bool_value(classes.iter().any(|c| is_subclass(ty, *c))))
}

pub fn push_exc_info(new_exc: StackRef) -> StackRef {
    exc_state::swap_handled(new_exc)
}

pub fn pop_except(prev_exc: StackRef) {
    let restored = if prev_exc == types().none { StackRef::NULL } else { prev_exc };
    exc_state::swap_handled(restored);
}

pub fn load_assertion_error() -> StackRef {
    ExcType::AssertionError.class()
}
