//! Python's `round()` for floats, as CPython 3.11's `float.__round__`:
//! `round(x, n)` rounds the exact binary value half-to-even at 10**-n and
//! reads the decimal result back correctly rounded (`double_round`), and
//! `round(x)` returns an int, ties to even.

use num_bigint::BigInt;

use super::float_digits::scaled_round_half_even;
use super::float_ops::{float_to_int, FLOAT_INFINITY_TO_INT, FLOAT_NAN_TO_INT};

pub const ROUNDED_VALUE_TOO_LARGE: &str = "rounded value too large to represent";

/// Above this many digits every float rounds to itself (CPython's NDIGITS_MAX).
const NDIGITS_MAX: i64 = 323;
/// Below this every float rounds to a zero of its sign (CPython's NDIGITS_MIN).
const NDIGITS_MIN: i64 = -308;

/// Python's `round(value, ndigits)` for a float. The only error is
/// [`ROUNDED_VALUE_TOO_LARGE`] (OverflowError), e.g. `round(1.7e308, -308)`.
/// `ndigits` is the value CPython clips to a Py_ssize_t.
pub fn round_float(value: f64, ndigits: i64) -> Result<f64, String> {
    if !value.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(value);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * value);
    }
    let rounded = scaled_round_half_even(value, ndigits);
    let sign = if value.is_sign_negative() { "-" } else { "" };
    // Rust's decimal parser is correctly rounded, like CPython's _Py_dg_strtod.
    let text = format!("{}{}e{}", sign, rounded, -ndigits);
    let result: f64 = text.parse().unwrap_or(f64::NAN);
    if result.is_infinite() {
        return Err(ROUNDED_VALUE_TOO_LARGE.to_string());
    }
    Ok(result)
}

/// Python's `round(value)` for a float: the nearest int, ties to even.
/// Errors: "cannot convert float infinity to integer" (OverflowError) and
/// "cannot convert float NaN to integer" (ValueError).
pub fn round_float_to_int(value: f64) -> Result<BigInt, String> {
    if value.is_nan() {
        return Err(FLOAT_NAN_TO_INT.to_string());
    }
    if value.is_infinite() {
        return Err(FLOAT_INFINITY_TO_INT.to_string());
    }
    let mut rounded = value.round(); // C round(): half away from zero
    if (value - rounded).abs() == 0.5 {
        rounded = 2.0 * (value / 2.0).round();
    }
    float_to_int(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(value: f64) -> u64 {
        value.to_bits()
    }

    #[test]
    fn round_with_ndigits_matches_cpython() {
        // (x, n, round(x, n)) from python3.11.
        let cases: &[(f64, i64, f64)] = &[
            (2.675, 2, 2.67),
            (2.665, 2, 2.67),
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (2.5, 0, 2.0),
            (3.5, 0, 4.0),
            (-2.5, 0, -2.0),
            (1234.5678, -2, 1200.0),
            (1250.0, -2, 1200.0),
            (1350.0, -2, 1400.0),
            (-0.04, 1, -0.0),
            (0.04, 1, 0.0),
            (1e-320, 320, 1e-320),
            (5e-324, 323, 0.0),
            (5e-324, 324, 5e-324),
            (1.5, 400, 1.5),
            (123.0, -400, 0.0),
            (-123.0, -400, -0.0),
            (1.7976931348623157e308, -300, 1.79769313e308),
            (0.1 + 0.2, 15, 0.3),
            (0.1 + 0.2, 16, 0.3),
            (0.1 + 0.2, 17, 0.30000000000000004),
            (1.0 / 3.0, 5, 0.33333),
            (-1.0 / 3.0, 10, -0.3333333333),
            (4.35, 1, 4.3),
            (4.45, 1, 4.5),
            (1e22, -22, 1e22),
            (5e22, -23, 0.0),
            (5.000000000000001e22, -23, 1e23),
        ];
        for &(value, ndigits, expected) in cases {
            let actual = round_float(value, ndigits).unwrap();
            assert_eq!(bits(actual), bits(expected), "round({:e}, {}) = {:e}", value, ndigits, actual);
        }
        assert!(round_float(f64::NAN, 2).unwrap().is_nan());
        assert_eq!(round_float(f64::NEG_INFINITY, -2).unwrap(), f64::NEG_INFINITY);
        assert_eq!(round_float(1.7976931348623157e308, -307).unwrap_err(), "rounded value too large to represent");
    }

    #[test]
    fn round_to_int_matches_cpython() {
        let cases: &[(f64, i64)] = &[
            (0.5, 0),
            (1.5, 2),
            (2.5, 2),
            (-0.5, 0),
            (-1.5, -2),
            (-2.5, -2),
            (2.4999999999999996, 2),
            (0.49999999999999994, 0),
            (-3.7, -4),
            (4503599627370497.0, 4503599627370497),
        ];
        for &(value, expected) in cases {
            assert_eq!(round_float_to_int(value).unwrap(), BigInt::from(expected), "round({})", value);
        }
        assert_eq!(round_float_to_int(1e300).unwrap().to_string().len(), 301);
        assert_eq!(round_float_to_int(f64::INFINITY).unwrap_err(), "cannot convert float infinity to integer");
        assert_eq!(round_float_to_int(f64::NAN).unwrap_err(), "cannot convert float NaN to integer");
    }
}
