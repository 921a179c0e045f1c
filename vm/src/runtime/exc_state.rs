//! The exception being handled (what a bare `raise` re-raises): set by PUSH_EXC_INFO,
//! restored by POP_EXCEPT. Held as a counted reference in a thread-local.

use std::cell::Cell;

use crate::heap;
use crate::runtime::types::none;
use crate::value::StackRef;

thread_local! {
    static HANDLED: Cell<StackRef> = const { Cell::new(StackRef::NULL) };
}

/// The exception currently being handled, or None.
pub fn handled() -> StackRef {
    let v = HANDLED.with(|h| h.get());
    if v.is_null() {
        none()
    } else {
        v
    }
}

/// Makes `exc` (or None) the handled exception, returning the previous one (or None).
pub fn swap_handled(exc: StackRef) -> StackRef {
    heap::incref(exc);
    let previous = HANDLED.with(|h| h.replace(exc));
    // The previous value goes onto the value stack (uncounted); keep it alive until
    // the next collection sees it there by leaving it in the ZCT.
    heap::decref(previous);
    if previous.is_null() {
        none()
    } else {
        previous
    }
}

pub fn walk(visit: &mut dyn FnMut(StackRef)) {
    let v = HANDLED.with(|h| h.get());
    if v.is_heap() {
        visit(v);
    }
}

/// The handled exception as stored: NULL when there is none.
pub fn handled_raw() -> StackRef {
    HANDLED.with(|h| h.get())
}

/// Makes `exc` (possibly NULL) the handled exception, dropping the counted reference
/// to the previous one.
pub fn set_handled_raw(exc: StackRef) {
    heap::incref(exc);
    let previous = HANDLED.with(|h| h.replace(exc));
    heap::decref(previous);
}
