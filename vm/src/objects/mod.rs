//! The object model: one module per builtin type holding its payload struct, plus
//! constructors shared by everything else (`new`).

pub mod awaitable;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod complex;
pub mod dict;
pub mod exception;
pub mod float;
pub mod frame;
pub mod function;
pub mod generator;
pub mod int;
pub mod iterators;
pub mod kind;
pub mod list;
pub mod module;
pub mod new;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod types;
