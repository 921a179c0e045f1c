//! Frame objects, as `gi_frame`, `cr_frame` and `ag_frame` give them: a view of a
//! generator's frame. The frame itself stays the generator's storage (and, while it
//! runs, an entry of the VM's frame stack); this object only reads it. Its `f_locals`
//! is one dict per frame object, refreshed in place on every read, as CPython's
//! `PyFrame_FastToLocals` does, so names keep the order they were first seen in.
//! Reading a frame is `runtime::frames`.

use std::cell::Cell;

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct FrameObjectData {
    /// The generator, coroutine or async generator whose frame this is (counted).
    pub generator: StackRef,
    /// The `f_locals` dict (counted), made on first read; NULL until then.
    pub locals: Cell<StackRef>,
    /// Once the generator has finished: the line it finished on (its frame is gone,
    /// `locals` holds the last snapshot). 0 while the frame lives.
    pub final_line: Cell<u32>,
}

impl Payload for FrameObjectData {
    const KIND: Kind = Kind::Frame;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.generator);
        visit(self.locals.get());
    }
}
