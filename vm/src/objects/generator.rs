//! Generator, coroutine and async-generator objects. Each owns the storage of its
//! frame (locals, then the value stack), as in CPython 3.11: while it runs, a frame on
//! the VM's frame stack points into that storage; while it is suspended, the storage
//! alone holds its state, and the references in it are counted (a suspended frame is a
//! heap object like any other, so the collector finds it only by tracing).

use std::cell::Cell;

use crate::objects::code::CodeData;
use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

/// Which of the three objects a generator-like code object makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenFlavor {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenFlavor {
    /// The word CPython uses in messages ("generator raised StopIteration", ...).
    pub fn noun(self) -> &'static str {
        match self {
            GenFlavor::Generator => "generator",
            GenFlavor::Coroutine => "coroutine",
            GenFlavor::AsyncGenerator => "async generator",
        }
    }
}

/// Where a generator is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    /// Made by RETURN_GENERATOR, never resumed.
    Created,
    /// Stopped at a yield.
    Suspended,
    /// Its frame is on the VM's frame stack.
    Running,
    /// Returned or raised; the frame is gone.
    Completed,
}

pub struct GeneratorData {
    pub flavor: GenFlavor,
    /// The code object (immortal).
    pub code: StackRef,
    /// The function the generator was made from (counted).
    pub func: StackRef,
    pub globals: StackRef,
    pub builtins: StackRef,
    pub name: Cell<StackRef>,
    pub qualname: Cell<StackRef>,
    pub state: Cell<GenState>,
    /// Code unit of the instruction the frame stopped at: the YIELD_VALUE it is
    /// suspended in (resumption continues after it), or for a created generator the
    /// RETURN_GENERATOR (resumption continues after it too).
    pub ip: Cell<usize>,
    /// Values on the value stack while suspended.
    pub stack_depth: Cell<usize>,
    /// localsplus (code.local_count() slots), then the value stack.
    pub storage: Box<[Cell<StackRef>]>,
    /// The exception the generator's frame was handling when it last stopped (counted),
    /// or NULL: made current again when it resumes.
    pub exc_state: Cell<StackRef>,
    /// Set once the collector has asked for the generator to be closed, so that it is
    /// finalized at most once (PEP 442).
    pub finalized: Cell<bool>,
    /// An async generator only: an `asend`/`athrow` awaitable is driving it (CPython's
    /// `ag_running_async`, what `ag_running` reports).
    pub running_async: Cell<bool>,
    /// An async generator only: it was closed (aclose, or it finished), so `athrow`
    /// and `aclose` have nothing more to do (CPython's `ag_closed`).
    pub closed: Cell<bool>,
    /// The frame object `gi_frame` gave out (counted), or NULL: the same one each time.
    pub frame_object: Cell<StackRef>,
    /// Whether the references in `live_slots` are counted. A created generator's are;
    /// suspending leaves the running frame's uncounted references as they are, and the
    /// VM counts them before the next collection (`Vm::count_suspended_generators`),
    /// so that a generator resumed and suspended many times in between pays nothing.
    pub slots_counted: Cell<bool>,
    /// Whether the generator is in the VM's list of generators to count.
    pub awaiting_count: Cell<bool>,
}

impl GeneratorData {
    pub fn code_data(&self) -> &'static CodeData {
        self.code.downcast::<CodeData>().expect("a generator's code object")
    }

    /// The frame's locals and stack, as the raw pointer a frame uses.
    pub fn storage_ptr(&self) -> *mut StackRef {
        // Cell<StackRef> has StackRef's layout; the frame writes through this pointer
        // only while the generator runs, when nothing else reads the cells.
        self.storage.as_ptr() as *mut StackRef
    }

    /// The live slots of a suspended or created frame: the locals, then the stack.
    pub fn live_slots(&self) -> &[Cell<StackRef>] {
        let end = self.code_data().local_count() + self.stack_depth.get();
        &self.storage[..end]
    }

    /// The value on top of a suspended frame's stack, if any (the iterator a
    /// `yield from` or `await` is delegating to sits there while it waits).
    pub fn stack_top(&self) -> Option<StackRef> {
        let depth = self.stack_depth.get();
        if depth == 0 {
            return None;
        }
        Some(self.storage[self.code_data().local_count() + depth - 1].get())
    }

    /// Whether closing the generator now could run code: it is suspended at a point
    /// covered by an exception handler (a `try`, `with` or `finally`), where a
    /// GeneratorExit thrown in would be caught. Elsewhere it would only unwind.
    pub fn close_runs_code(&self) -> bool {
        if self.state.get() != GenState::Suspended {
            return false;
        }
        let ip = self.ip.get() as u32;
        self.code_data().exception_table.iter().any(|e| e.start <= ip && ip < e.end)
    }
}

impl Payload for GeneratorData {
    const KIND: Kind = Kind::Generator;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.code);
        visit(self.func);
        visit(self.globals);
        visit(self.builtins);
        visit(self.name.get());
        visit(self.qualname.get());
        visit(self.exc_state.get());
        visit(self.frame_object.get());
        // A running frame's references are the frame stack's (uncounted); a completed
        // one has none.
        if matches!(self.state.get(), GenState::Created | GenState::Suspended) {
            for slot in self.live_slots() {
                visit(slot.get());
            }
        }
    }
}
