//! Float arithmetic whose corner cases CPython 3.11 defines itself rather than
//! leaving to the platform: `//`, `%` and `divmod` (`float_divmod`), `**`
//! (`float_pow`), and exact conversions between `int` and `float`
//! (`PyLong_AsDouble`, `PyLong_FromDouble`).
//!
//! Errors are returned as CPython's message; [`super::exception_kind`] tells
//! which exception class CPython raises with it.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};

use super::float_digits::decompose;

pub const FLOAT_FLOOR_DIVISION_BY_ZERO: &str = "float floor division by zero";
pub const FLOAT_MODULO_BY_ZERO: &str = "float modulo";
pub const FLOAT_DIVMOD_BY_ZERO: &str = "float divmod()";
pub const ZERO_TO_NEGATIVE_POWER: &str = "0.0 cannot be raised to a negative power";
/// `float_pow` overflow: CPython raises `OverflowError(34, 'Numerical result
/// out of range')`, whose `str()` is this text.
pub const POW_RESULT_OUT_OF_RANGE: &str = "(34, 'Numerical result out of range')";
/// `float_pow` of a negative base to a non-integral exponent: CPython returns
/// a complex number (it delegates to `complex.__pow__`); the caller must do so.
pub const POW_COMPLEX_RESULT: &str = "complex";
pub const INT_TOO_LARGE_FOR_FLOAT: &str = "int too large to convert to float";
pub const FLOAT_INFINITY_TO_INT: &str = "cannot convert float infinity to integer";
pub const FLOAT_NAN_TO_INT: &str = "cannot convert float NaN to integer";

/// CPython's `_float_div_mod`: `(a // b, a % b)` for a non-zero divisor, with
/// the remainder taking the divisor's sign and signed zeros as CPython gives.
/// The caller must reject `b == 0.0` (see [`float_floordiv`], [`float_mod`],
/// [`float_divmod`], which do, with the right message for each operator).
pub fn float_floordiv_mod(a: f64, b: f64) -> (f64, f64) {
    let mut remainder = a % b; // C fmod
                               // fmod is exact, so a - remainder is mathematically a multiple of b.
    let mut quotient = (a - remainder) / b;
    if remainder != 0.0 {
        if (b < 0.0) != (remainder < 0.0) {
            remainder += b;
            quotient -= 1.0;
        }
    } else {
        remainder = 0.0f64.copysign(b);
    }
    let floor_quotient = if quotient != 0.0 {
        let mut floored = quotient.floor();
        if quotient - floored > 0.5 {
            floored += 1.0;
        }
        floored
    } else {
        0.0f64.copysign(a / b)
    };
    (floor_quotient, remainder)
}

/// Python's `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, String> {
    if b == 0.0 {
        return Err(FLOAT_FLOOR_DIVISION_BY_ZERO.to_string());
    }
    Ok(float_floordiv_mod(a, b).0)
}

/// Python's `a % b` for floats (CPython's `float_rem`).
pub fn float_mod(a: f64, b: f64) -> Result<f64, String> {
    if b == 0.0 {
        return Err(FLOAT_MODULO_BY_ZERO.to_string());
    }
    Ok(float_floordiv_mod(a, b).1)
}

/// Python's `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), String> {
    if b == 0.0 {
        return Err(FLOAT_DIVMOD_BY_ZERO.to_string());
    }
    Ok(float_floordiv_mod(a, b))
}

/// CPython's `DOUBLE_IS_ODD_INTEGER`.
fn is_odd_integer(value: f64) -> bool {
    value.abs() % 2.0 == 1.0
}

/// Python's `a ** b` for floats (CPython's `float_pow`, two-argument form).
///
/// Errors: [`ZERO_TO_NEGATIVE_POWER`] (ZeroDivisionError),
/// [`POW_RESULT_OUT_OF_RANGE`] (OverflowError) and [`POW_COMPLEX_RESULT`],
/// which is not an error in CPython: a negative base raised to a non-integral
/// power yields a complex result that the caller must compute.
pub fn float_pow(base: f64, exponent: f64) -> Result<f64, String> {
    if exponent == 0.0 {
        return Ok(1.0); // v**0 is 1, even 0**0 and nan**0
    }
    if base.is_nan() {
        return Ok(base);
    }
    if exponent.is_nan() {
        return Ok(if base == 1.0 { 1.0 } else { exponent });
    }
    if exponent.is_infinite() {
        let magnitude = base.abs();
        return Ok(if magnitude == 1.0 {
            1.0
        } else if (exponent > 0.0) == (magnitude > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if base.is_infinite() {
        let odd = is_odd_integer(exponent);
        return Ok(if exponent > 0.0 {
            if odd {
                base
            } else {
                base.abs()
            }
        } else if odd {
            0.0f64.copysign(base)
        } else {
            0.0
        });
    }
    if base == 0.0 {
        if exponent < 0.0 {
            return Err(ZERO_TO_NEGATIVE_POWER.to_string());
        }
        return Ok(if is_odd_integer(exponent) { base } else { 0.0 });
    }
    let mut magnitude = base;
    let mut negate_result = false;
    if base < 0.0 {
        if exponent != exponent.floor() {
            return Err(POW_COMPLEX_RESULT.to_string());
        }
        magnitude = -base;
        negate_result = is_odd_integer(exponent);
    }
    if magnitude == 1.0 {
        return Ok(if negate_result { -1.0 } else { 1.0 });
    }
    let result = magnitude.powf(exponent);
    if result.is_infinite() {
        return Err(POW_RESULT_OUT_OF_RANGE.to_string());
    }
    Ok(if negate_result { -result } else { result })
}

/// `2**exponent` for `-1022 <= exponent <= 1023`, exactly.
fn power_of_two(exponent: i64) -> f64 {
    f64::from_bits(((exponent + 1023) as u64) << 52)
}

/// Python's `float(int)`: correctly rounded (half to even), or
/// [`INT_TOO_LARGE_FOR_FLOAT`] (OverflowError).
pub fn int_to_float(value: &BigInt) -> Result<f64, String> {
    let magnitude = value.magnitude();
    let bit_length = magnitude.bits();
    let result = if bit_length <= 64 {
        magnitude.to_u64().unwrap_or(0) as f64
    } else {
        if bit_length > 1024 {
            return Err(INT_TOO_LARGE_FOR_FLOAT.to_string());
        }
        let shift = bit_length - 64;
        let top = (magnitude >> shift as usize).to_u64().unwrap_or(0);
        // A sticky bit keeps exact halfway cases apart from values above them.
        let sticky = magnitude.trailing_zeros().is_some_and(|zeros| zeros < shift);
        (top | sticky as u64) as f64 * power_of_two(shift as i64)
    };
    if result.is_infinite() {
        return Err(INT_TOO_LARGE_FOR_FLOAT.to_string());
    }
    Ok(if value.sign() == Sign::Minus { -result } else { result })
}

/// The exact integer value of an integral `f64` magnitude truncated toward zero.
fn truncate_to_bigint(value: f64) -> BigInt {
    if value == 0.0 {
        return BigInt::zero();
    }
    let (mantissa, exponent) = decompose(value);
    let magnitude = if exponent >= 0 {
        BigUint::from(mantissa) << exponent as usize
    } else if exponent > -64 {
        BigUint::from(mantissa >> (-exponent) as u32)
    } else {
        BigUint::zero()
    };
    let sign = if value < 0.0 { Sign::Minus } else { Sign::Plus };
    BigInt::from_biguint(sign, magnitude)
}

/// Python's `int(float)`: truncation toward zero; errors for inf
/// (OverflowError) and nan (ValueError).
pub fn float_to_int(value: f64) -> Result<BigInt, String> {
    if value.is_nan() {
        return Err(FLOAT_NAN_TO_INT.to_string());
    }
    if value.is_infinite() {
        return Err(FLOAT_INFINITY_TO_INT.to_string());
    }
    Ok(truncate_to_bigint(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(actual: f64, expected: f64) -> bool {
        (actual.is_nan() && expected.is_nan()) || actual.to_bits() == expected.to_bits()
    }

    #[test]
    fn floordiv_mod_matches_cpython() {
        // (a, b, a // b, a % b) from python3.11.
        let inf = f64::INFINITY;
        let cases: &[(f64, f64, f64, f64)] = &[
            (7.0, 2.0, 3.0, 1.0),
            (-7.0, 2.0, -4.0, 1.0),
            (7.0, -2.0, -4.0, -1.0),
            (-7.0, -2.0, 3.0, -1.0),
            (6.0, 3.0, 2.0, 0.0),
            (-6.0, 3.0, -2.0, 0.0),
            (6.0, -3.0, -2.0, -0.0),
            (0.0, 5.0, 0.0, 0.0),
            (-0.0, 5.0, -0.0, 0.0),
            (0.0, -5.0, -0.0, -0.0),
            (-0.0, -5.0, 0.0, -0.0),
            (1.0, 0.1, 9.0, 0.09999999999999995),
            (-1.0, 0.1, -10.0, 5.551115123125783e-17),
            (5.0, inf, 0.0, 5.0),
            (-5.0, inf, -1.0, inf),
            (5.0, -inf, -1.0, -inf),
            (0.5, 1.5, 0.0, 0.5),
            (-0.5, 1.5, -1.0, 1.0),
            (1e308, 1e-308, f64::INFINITY, 3.498445546245627e-309),
        ];
        for &(a, b, quotient, remainder) in cases {
            let (q, r) = float_floordiv_mod(a, b);
            assert!(same(r, remainder), "{} % {} = {} not {}", a, b, r, remainder);
            assert!(same(q, quotient), "{} // {} = {} not {}", a, b, q, quotient);
        }
        let (q, r) = float_floordiv_mod(inf, 2.0);
        assert!(q.is_nan() && r.is_nan());
        assert_eq!(float_floordiv(1.0, 0.0).unwrap_err(), "float floor division by zero");
        assert_eq!(float_mod(1.0, -0.0).unwrap_err(), "float modulo");
        assert_eq!(float_divmod(1.0, 0.0).unwrap_err(), "float divmod()");
        assert_eq!(float_divmod(-7.5, 2.0).unwrap(), (-4.0, 0.5));
    }

    #[test]
    fn huge_quotient_floordiv() {
        // python3.11: divmod(1e300, 3.0) == (3.3333333333333335e+299, 0.0)
        let (q, r) = float_floordiv_mod(1e300, 3.0);
        assert_eq!(q, 3.3333333333333335e+299);
        assert!(same(r, 0.0));
    }

    #[test]
    fn pow_matches_cpython() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[(f64, f64, f64)] = &[
            (2.0, 10.0, 1024.0),
            (2.0, -1.0, 0.5),
            (nan, 0.0, 1.0),
            (0.0, 0.0, 1.0),
            (nan, 2.0, nan),
            (1.0, nan, 1.0),
            (2.0, nan, nan),
            (0.5, inf, 0.0),
            (0.5, -inf, inf),
            (-1.0, inf, 1.0),
            (-2.0, inf, inf),
            (2.0, -inf, 0.0),
            (-inf, 3.0, -inf),
            (-inf, 2.0, inf),
            (-inf, -3.0, -0.0),
            (-inf, -2.0, 0.0),
            (inf, 0.5, inf),
            (-0.0, 3.0, -0.0),
            (-0.0, 2.0, 0.0),
            (-0.0, 0.5, 0.0),
            (-2.0, 3.0, -8.0),
            (-2.0, 2.0, 4.0),
            (-1.0, 1e300, 1.0),
            (-1.0, -3.0, -1.0),
            (10.0, -400.0, 0.0),
            (1.1, 0.5, 1.0488088481701516),
            (2.0, 0.25, 1.189207115002721),
            (-8.0, -3.0, -0.001953125),
        ];
        for &(base, exponent, expected) in cases {
            let actual = float_pow(base, exponent).unwrap();
            assert!(same(actual, expected), "{} ** {} = {} not {}", base, exponent, actual, expected);
        }
        assert_eq!(float_pow(0.0, -1.0).unwrap_err(), "0.0 cannot be raised to a negative power");
        assert_eq!(float_pow(-0.0, -inf).unwrap(), inf); // handled by the infinite-exponent rule
        assert_eq!(float_pow(2.0, 10000.0).unwrap_err(), "(34, 'Numerical result out of range')");
        assert_eq!(float_pow(-2.0, 10001.0).unwrap_err(), "(34, 'Numerical result out of range')");
        assert_eq!(float_pow(-8.0, 1.0 / 3.0).unwrap_err(), "complex");
    }

    #[test]
    fn int_to_float_rounds_correctly() {
        let big = |text: &str| text.parse::<BigInt>().unwrap();
        // Values from python3.11 float(int).
        assert_eq!(int_to_float(&big("0")).unwrap(), 0.0);
        assert_eq!(int_to_float(&big("-12345")).unwrap(), -12345.0);
        assert_eq!(int_to_float(&big("9007199254740993")).unwrap(), 9007199254740992.0);
        assert_eq!(int_to_float(&big("9007199254740995")).unwrap(), 9007199254740996.0);
        assert_eq!(int_to_float(&big("18446744073709551615")).unwrap(), 18446744073709551616.0);
        // 2**70 + 2**17 + 1 (above the halfway point) and 2**70 + 2**17 (exactly halfway, ties to even).
        assert_eq!(int_to_float(&big("1180591620717411434497")).unwrap(), 1.1805916207174116e21);
        assert_eq!(int_to_float(&big("1180591620717411434496")).unwrap(), 1.1805916207174113e21);
        let max_float = "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368";
        assert_eq!(int_to_float(&big(max_float)).unwrap(), f64::MAX);
        assert_eq!(int_to_float(&-big(max_float)).unwrap(), -f64::MAX);
        // 2**1024 - 2**970 - 1 rounds down to max; 2**1024 - 2**970 ties up to 2**1024.
        let two_1024 = BigInt::from(1) << 1024usize;
        let two_970 = BigInt::from(1) << 970usize;
        assert_eq!(int_to_float(&(&two_1024 - &two_970 - 1)).unwrap(), f64::MAX);
        assert_eq!(int_to_float(&(&two_1024 - &two_970)).unwrap_err(), "int too large to convert to float");
        assert_eq!(int_to_float(&two_1024).unwrap_err(), "int too large to convert to float");
    }

    #[test]
    fn float_to_int_truncates() {
        assert_eq!(float_to_int(-2.7).unwrap(), BigInt::from(-2));
        assert_eq!(float_to_int(0.99).unwrap(), BigInt::from(0));
        assert_eq!(float_to_int(1e20).unwrap(), "100000000000000000000".parse::<BigInt>().unwrap());
        assert_eq!(float_to_int(5e-324).unwrap(), BigInt::from(0));
        assert_eq!(float_to_int(f64::MAX).unwrap().to_string().len(), 309);
        assert_eq!(float_to_int(f64::INFINITY).unwrap_err(), "cannot convert float infinity to integer");
        assert_eq!(float_to_int(f64::NAN).unwrap_err(), "cannot convert float NaN to integer");
    }
}
