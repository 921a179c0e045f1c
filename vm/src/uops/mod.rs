//! Uop bodies: one Rust function per uop of uops.toml, grouped one module per family.
//! The generated tier-1 dispatch (and the tier-2 uop interpreter) call them; their
//! parameters are bound by name (see docs/uops.md): `vm` for escaping bodies, `frame`
//! for the others, `oparg`, `operand`, and the uop's inputs and array outputs.

pub mod attrs;
pub mod binary_op;
pub mod build;
pub mod calls;
pub mod cells;
pub mod compare;
pub mod context;
pub mod control;
pub mod exceptions;
pub mod generators;
pub mod globals;
pub mod iteration;
pub mod locals;
pub mod matching;
pub mod stack;
pub mod subscr;
pub mod truth;
pub mod unary;

use crate::objects::dict::DictData;

/// A dict whose keys version a guard has checked, handed to the uop that loads from it.
pub type Keys = &'static DictData;
