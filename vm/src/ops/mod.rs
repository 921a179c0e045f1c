//! The Python object protocols: what CPython's `abstract.c` and `object.c` do, together
//! with the number, sequence and mapping slots of the builtin types (int, bool, float,
//! str, list, tuple, dict, range, None and the iterators).
//!
//! Every operation first looks for a method defined by a user class (a heap type in the
//! operand's MRO, found before any builtin type; see the `slots` module) and otherwise runs the
//! builtin behaviour selected by the payload kind. Error messages follow CPython 3.11.
//!
//! Memory: values received as arguments sit on a frame's stack and are safe; values this
//! module creates or reads out of mutable containers are held in `heap::Handle`s across
//! any call that may run Python code, and no `RefCell` borrow is held across such calls.

mod arith;
pub(crate) mod bytes;
mod compare;
mod conversion;
pub(crate) mod hashing;
mod iteration;
mod mapping;
mod percent;
mod protocol;
pub(crate) mod repr;
mod sequence;
pub mod sets;
mod slicing;
mod slots;

pub(crate) use arith::MAX_REPEAT_SIZE;
pub use arith::{absolute, binary_op, divmod, nb, power, unary_invert, unary_negative, unary_positive, NB_NAMES};
pub use compare::{compare, eq, lt, CompareOp};
pub(crate) use conversion::complex_value;
pub use conversion::{index_i64, int_value, to_bigint, to_f64, to_f64_with};
pub use hashing::hash;
pub use iteration::{collect, is_builtin_iterator, is_iterator, iter, next};
pub use mapping::{dict_del, dict_get, dict_set, dict_update};
pub use protocol::{len, truthy};
pub use repr::{ascii_string, format, repr, repr_string, str, str_string};
pub use sequence::{contains, delitem, get_slice, getitem, new_range, new_slice, set_slice, setitem};
pub use slicing::{adjust_indices, SliceIndices};
pub use slots::is_builtin_type;

#[cfg(test)]
mod tests;
