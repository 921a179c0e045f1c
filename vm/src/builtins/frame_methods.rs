//! The attributes of frame objects (`objects::frame`, read by `runtime::frame_objects`):
//! `f_code`, `f_globals`, `f_builtins`, `f_locals`, `f_lineno`, `f_back` and `f_trace`.

use crate::objects::frame::FrameObjectData;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::generator::{GenState, GeneratorData};
use crate::runtime::errors::{ExcType, PyErr};
use crate::runtime::frame_objects;
use crate::runtime::types::{none, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

use super::args::split_self;

pub(crate) const FRAME_ATTRIBUTES: &[(&str, BuiltinFn)] = &[
    ("f_code", f_code),
    ("f_globals", f_globals),
    ("f_builtins", f_builtins),
    ("f_locals", f_locals),
    ("f_lineno", f_lineno),
    ("f_back", f_back),
    ("f_trace", f_trace),
];

fn receiver(args: Args<'_>, name: &str) -> PyResult<(&'static FrameObjectData, &'static GeneratorData)> {
    let (this, _) = split_self(args, "frame", name)?;
    let frame = this.downcast::<FrameObjectData>().ok_or_else(|| super::args::descriptor_error(name, "frame", this))?;
    let gen = frame.generator.downcast::<GeneratorData>().expect("a frame object views a generator");
    Ok((frame, gen))
}

fn f_code(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(receiver(args, "f_code")?.1.code)
}

fn f_globals(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(receiver(args, "f_globals")?.1.globals)
}

fn f_builtins(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(receiver(args, "f_builtins")?.1.builtins)
}

fn f_locals(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (frame, _) = receiver(args, "f_locals")?;
    Ok(frame_objects::locals(vm, frame))
}

fn f_lineno(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (frame, _) = receiver(args, "f_lineno")?;
    Ok(crate::objects::new::int(frame_objects::line(vm, frame) as i64))
}

/// A suspended (or finished) generator's frame has no caller; a running one's caller
/// is a frame that has no frame object in Sidewinder yet.
fn f_back(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, gen) = receiver(args, "f_back")?;
    if gen.state.get() == GenState::Running {
        return Err(PyErr::new(
            ExcType::NotImplementedError,
            "frame objects are not supported yet (f_back of a running generator's frame)",
        ));
    }
    Ok(none())
}

/// No tracing function is ever set (sys.settrace does not exist yet).
fn f_trace(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    receiver(args, "f_trace")?;
    Ok(none())
}

/// Registers the attributes on the frame type.
pub(crate) fn install() {
    super::add_attributes(types().frame, FRAME_ATTRIBUTES);
}
