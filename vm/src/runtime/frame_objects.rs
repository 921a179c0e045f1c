//! Reading generator frames through frame objects (`objects::frame`): which line a
//! frame is at and what its locals are, whether the generator is created, suspended,
//! running or finished. `gi_frame`, `cr_frame` and `ag_frame` come from here.

use std::cell::Cell;

use crate::heap;
use crate::objects::dict::DictData;
use crate::objects::frame::FrameObjectData;
use crate::objects::generator::{GenState, GeneratorData};
use crate::objects::new;
use crate::runtime::frame::Frame;
use crate::runtime::types::{none, types};
use crate::runtime::Vm;
use crate::value::StackRef;

fn generator_of(frame_object: &FrameObjectData) -> &'static GeneratorData {
    frame_object.generator.downcast::<GeneratorData>().expect("a frame object views a generator")
}

/// `gen.gi_frame`: None once the generator has finished, else its frame object (the
/// same one every time).
pub fn generator_frame(gen_ref: StackRef) -> StackRef {
    let gen = gen_ref.downcast::<GeneratorData>().expect("a generator");
    if gen.state.get() == GenState::Completed {
        return none();
    }
    let existing = gen.frame_object.get();
    if !existing.is_null() {
        return existing;
    }
    heap::incref(gen_ref);
    let frame = heap::alloc(
        types().frame,
        FrameObjectData { generator: gen_ref, locals: Cell::new(StackRef::NULL), final_line: Cell::new(0) },
    );
    // The generator's reference is counted (a new object starts uncounted).
    heap::incref(frame);
    gen.frame_object.set(frame);
    frame
}

/// The VM frame a running generator runs in.
fn running_frame(vm: &Vm, gen_ref: StackRef) -> Option<&Frame> {
    vm.frames.iter().rev().find(|f| f.generator == gen_ref)
}

/// `frame.f_lineno`.
pub fn line(vm: &Vm, frame_object: &FrameObjectData) -> u32 {
    let gen = generator_of(frame_object);
    let code = gen.code_data();
    match gen.state.get() {
        GenState::Completed => frame_object.final_line.get(),
        // Not started: CPython reports the `def` line.
        GenState::Created => code.first_line,
        GenState::Suspended => code.line_at(gen.ip.get()),
        GenState::Running => running_frame(vm, frame_object.generator).map_or(code.first_line, |f| code.line_at(f.ip)),
    }
}

/// Brings the frame object's `f_locals` dict up to date with the frame's slots (`slots`,
/// localsplus order): bound names set (a cell's contents for cell and free variables),
/// unbound ones removed. Answers the dict.
fn refresh_locals(frame_object: &FrameObjectData, slots: &[StackRef]) -> StackRef {
    let gen = generator_of(frame_object);
    let code = gen.code_data();
    if frame_object.locals.get().is_null() {
        let dict = new::dict();
        heap::incref(dict);
        frame_object.locals.set(dict);
    }
    let dict_ref = frame_object.locals.get();
    let dict = dict_ref.downcast::<DictData>().expect("f_locals is a dict");
    let first_free = code.first_free_slot();
    for (slot, name) in code.localsplus_names.iter().enumerate() {
        let mut value = slots.get(slot).copied().unwrap_or(StackRef::NULL);
        if !value.is_null() && (slot >= first_free || code.is_cell_slot(slot)) {
            value = value.downcast::<crate::objects::cell::CellData>().map_or(value, |c| c.contents.get());
        }
        if !value.is_null() {
            new::dict_set_str(dict, *name, value);
        } else if let (Some(index), _) = new::dict_find_str(dict, *name).expect("str key") {
            let (key, old) = dict.remove_at(index);
            heap::decref(key);
            heap::decref(old);
        }
    }
    dict_ref
}

/// The frame's slots as they are now: the running frame's own, or the generator's
/// storage.
fn current_slots(vm: &Vm, frame_object: &FrameObjectData) -> Vec<StackRef> {
    let gen = generator_of(frame_object);
    if gen.state.get() == GenState::Running {
        if let Some(frame) = running_frame(vm, frame_object.generator) {
            return frame.local_values().to_vec();
        }
    }
    let count = gen.code_data().local_count();
    gen.storage[..count].iter().map(Cell::get).collect()
}

/// `frame.f_locals`: a dict of the bound locals (CPython's FastToLocals); once the
/// generator has finished, what they were when it finished.
pub fn locals(vm: &Vm, frame_object: &FrameObjectData) -> StackRef {
    let gen = generator_of(frame_object);
    if gen.state.get() == GenState::Completed {
        let kept = frame_object.locals.get();
        return if kept.is_null() { new::dict() } else { kept };
    }
    let slots = current_slots(vm, frame_object);
    refresh_locals(frame_object, &slots)
}

/// A generator's frame is finishing (`frame` is its VM frame, still holding its
/// slots): its frame object, if it has one, keeps the last locals and line.
pub(crate) fn generator_finishing(gen: &GeneratorData, frame: &Frame) {
    let Some(frame_object) = gen.frame_object.get().downcast::<FrameObjectData>() else { return };
    refresh_locals(frame_object, frame.local_values());
    frame_object.final_line.set(gen.code_data().line_at(frame.ip).max(1));
}
