//! sidewinder-vm: the compiler, the object model, deferred-RC memory, the builtins and
//! the specializing tier-1 interpreter. tier2 and the JIT plug in through the optimizer
//! hook in `tier1::hooks`.

pub mod builtins;
pub mod compiler;
pub mod format;
pub mod heap;
pub mod modules;
pub mod objects;
pub mod ops;
pub mod runtime;
pub mod tier1;
pub mod uops;
pub mod value;

/// Generated from uops.toml by build.rs: opcode numbers, uop enum, metadata.
#[allow(clippy::all)]
pub mod opcodes {
    include!(concat!(env!("OUT_DIR"), "/opcodes.rs"));
}

pub use runtime::errors::{ExcType, PyErr};
pub use value::StackRef;

/// The result of anything that can raise a Python exception.
pub type PyResult<T> = Result<T, PyErr>;
