//! The small objects that carry coroutines and async generators through `await`:
//! `coroutine.__await__()`'s iterator (`coroutine_wrapper`), the awaitables an async
//! generator's `__anext__`/`asend` and `athrow`/`aclose` return (CPython's
//! `async_generator_asend` and `async_generator_athrow`), and the wrapper an async
//! generator's `yield` puts around its value (ASYNC_GEN_WRAP), by which those
//! awaitables tell a real `yield` from an `await` inside the generator passing a value
//! through to the event loop. Driving them is `runtime::async_generators`.

use std::cell::Cell;

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

/// `coroutine.__await__()`: an iterator whose `__next__`/`send`/`throw`/`close` are the
/// coroutine's.
pub struct CoroWrapperData {
    /// The coroutine (counted).
    pub coro: StackRef,
}

impl Payload for CoroWrapperData {
    const KIND: Kind = Kind::CoroWrapper;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.coro);
    }
}

/// Where an asend/athrow awaitable is in its one use.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AwaitableState {
    /// Not sent anything yet.
    Init,
    /// Started: later sends go to the generator as they are.
    Iter,
    /// Finished (or closed): awaiting it again raises RuntimeError.
    Closed,
}

/// `agen.asend(value)` and `agen.__anext__()` (value None).
pub struct AsyncGenASendData {
    /// The async generator (counted).
    pub gen: StackRef,
    /// The value the first send delivers (counted).
    pub sendval: StackRef,
    pub state: Cell<AwaitableState>,
}

impl Payload for AsyncGenASendData {
    const KIND: Kind = Kind::AsyncGenASend;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.gen);
        visit(self.sendval);
    }
}

/// `agen.athrow(typ[, val[, tb]])` and `agen.aclose()` (args NULL).
pub struct AsyncGenAThrowData {
    /// The async generator (counted).
    pub gen: StackRef,
    /// The tuple of athrow's arguments (counted), or NULL for aclose.
    pub args: StackRef,
    pub state: Cell<AwaitableState>,
}

impl Payload for AsyncGenAThrowData {
    const KIND: Kind = Kind::AsyncGenAThrow;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.gen);
        visit(self.args);
    }
}

/// The value of an async generator's `yield`, as YIELD_VALUE hands it up.
pub struct AsyncGenWrappedValueData {
    /// The yielded value (counted).
    pub value: StackRef,
}

impl Payload for AsyncGenWrappedValueData {
    const KIND: Kind = Kind::AsyncGenWrappedValue;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.value);
    }
}
