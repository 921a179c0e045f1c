//! Number and string text conversions that must match CPython 3.11 byte for
//! byte: `repr` of floats and strs, the format-spec mini-language used by
//! `format()` and f-strings, `float(str)` / `int(str, base)` parsing, float
//! rounding and arithmetic corner cases, and the numeric/tuple hashes.
//!
//! This tree depends only on std, `num-bigint`, `num-traits` and
//! `num-integer`. Errors are `Err(message)` with CPython's message text;
//! [`exception_kind`] tells which exception class CPython raises with each.

mod codecs;
mod complex;
mod float_digits;
mod float_ops;
mod hash;
mod number_format;
mod parse;
mod rounding;
mod spec;
mod str_repr;
mod unicode_tables;

pub use codecs::{decode, encode, CodecError};
pub use complex::{
    complex_abs, complex_div, complex_hash, complex_mul, complex_pow, complex_repr, format_complex, parse_complex,
    Complex, COMPLEX_ABS_OVERFLOW, COMPLEX_DIVISION_BY_ZERO, COMPLEX_MALFORMED, COMPLEX_POW_OVERFLOW,
    COMPLEX_ZERO_TO_NEGATIVE_POWER,
};
pub use float_digits::float_repr;
pub use float_ops::{
    float_divmod, float_floordiv, float_floordiv_mod, float_mod, float_pow, float_to_int, int_to_float,
    FLOAT_DIVMOD_BY_ZERO, FLOAT_FLOOR_DIVISION_BY_ZERO, FLOAT_INFINITY_TO_INT, FLOAT_MODULO_BY_ZERO, FLOAT_NAN_TO_INT,
    INT_TOO_LARGE_FOR_FLOAT, POW_COMPLEX_RESULT, POW_RESULT_OUT_OF_RANGE, ZERO_TO_NEGATIVE_POWER,
};
pub use hash::{float_hash, int_hash, tuple_hash, HASH_BITS, HASH_INF, HASH_MODULUS};
pub use number_format::{
    format_float, format_float_for_type, format_int, format_int_for_type, format_str, format_str_for_type,
    int_to_decimal_string, int_to_decimal_string_with_limit, MAX_FORMATTED_CHARS, MEMORY_ERROR,
};
pub use parse::{check_int_base, parse_float, parse_int, parse_int_with_limit, DEFAULT_MAX_STR_DIGITS};
pub use rounding::{round_float, round_float_to_int, ROUNDED_VALUE_TOO_LARGE};
pub use spec::{parse_format_spec, unknown_format_code_message, FormatSpec, Grouping};
pub use str_repr::{bytes_repr, str_repr};
pub use unicode_tables::{decimal_digit_value, is_printable, is_space};

/// The exception class CPython raises for an error message from this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionKind {
    ValueError,
    OverflowError,
    ZeroDivisionError,
    /// Raised with an empty message in CPython.
    MemoryError,
    /// Not an error in CPython: `float_pow` of a negative base to a
    /// non-integral power returns a complex number the caller must compute.
    ComplexResult,
}

/// Classifies an `Err` message produced by this module.
pub fn exception_kind(message: &str) -> ExceptionKind {
    match message {
        INT_TOO_LARGE_FOR_FLOAT
        | FLOAT_INFINITY_TO_INT
        | ROUNDED_VALUE_TOO_LARGE
        | POW_RESULT_OUT_OF_RANGE
        | COMPLEX_POW_OVERFLOW
        | COMPLEX_ABS_OVERFLOW
        | "%c arg not in range(0x110000)"
        | "Python int too large to convert to C long" => ExceptionKind::OverflowError,
        FLOAT_FLOOR_DIVISION_BY_ZERO
        | FLOAT_MODULO_BY_ZERO
        | FLOAT_DIVMOD_BY_ZERO
        | ZERO_TO_NEGATIVE_POWER
        | COMPLEX_DIVISION_BY_ZERO
        | COMPLEX_ZERO_TO_NEGATIVE_POWER => ExceptionKind::ZeroDivisionError,
        MEMORY_ERROR => ExceptionKind::MemoryError,
        POW_COMPLEX_RESULT => ExceptionKind::ComplexResult,
        _ => ExceptionKind::ValueError,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_kinds() {
        assert_eq!(exception_kind("could not convert string to float: 'x'"), ExceptionKind::ValueError);
        assert_eq!(exception_kind("int too large to convert to float"), ExceptionKind::OverflowError);
        assert_eq!(exception_kind("%c arg not in range(0x110000)"), ExceptionKind::OverflowError);
        assert_eq!(exception_kind("float modulo"), ExceptionKind::ZeroDivisionError);
        assert_eq!(exception_kind(MEMORY_ERROR), ExceptionKind::MemoryError);
        assert_eq!(exception_kind(POW_COMPLEX_RESULT), ExceptionKind::ComplexResult);
        assert_eq!(exception_kind("cannot convert float NaN to integer"), ExceptionKind::ValueError);
    }
}
