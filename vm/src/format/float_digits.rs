//! Decimal text for `f64` values, byte for byte as CPython 3.11 writes it.
//!
//! This is a port of CPython's `PyOS_double_to_string` / `format_float_short`
//! (Python/pystrtod.c). The digit strings that CPython gets from David Gay's
//! `_Py_dg_dtoa` are produced here by:
//! * mode 0 (shortest round-trip digits, used by `repr`): Rust's `{:e}`
//!   formatting, which yields the same shortest, closest digit string;
//! * mode 2 (`n` significant digits) and mode 3 (`n` digits after the point):
//!   exact big-integer arithmetic on the binary value with round-half-even, the
//!   rounding `_Py_dg_dtoa` performs.
//!
//! Like `_Py_dg_dtoa`, digit strings carry no trailing zeros and come with
//! `decimal_point`, the position of the decimal point relative to the first
//! digit (value = 0.DIGITS x 10**decimal_point).

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, Zero};

/// Significant decimal digits beyond which an `f64`'s exact expansion never
/// reaches (the longest exact expansion has 767 significant digits).
const MAX_EXACT_SIGNIFICANT_DIGITS: usize = 800;

/// Digits of a finite, non-negative value in `_Py_dg_dtoa` form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecimalDigits {
    /// ASCII digits without trailing zeros; "0" for zero; empty when a
    /// fixed-point rounding (mode 3) rounded a non-zero value to zero.
    pub digits: String,
    /// Value = 0.DIGITS x 10**decimal_point.
    pub decimal_point: i64,
}

/// Splits a finite `f64` into `(mantissa, exponent)` with `|value| = mantissa * 2**exponent`.
pub(crate) fn decompose(value: f64) -> (u64, i32) {
    let bits = value.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased_exponent - 1075)
    }
}

/// `|value|` as an exact fraction `numerator / denominator` (denominator a power of two).
fn exact_fraction(value: f64) -> (BigUint, BigUint) {
    let (mantissa, exponent) = decompose(value);
    if exponent >= 0 {
        (BigUint::from(mantissa) << exponent as usize, BigUint::one())
    } else {
        (BigUint::from(mantissa), BigUint::one() << (-exponent) as usize)
    }
}

fn power_of_ten(exponent: usize) -> BigUint {
    num_traits::pow(BigUint::from(10u32), exponent)
}

/// `numerator / denominator` rounded to an integer, ties to even.
pub(crate) fn divide_round_half_even(numerator: &BigUint, denominator: &BigUint) -> BigUint {
    let (quotient, remainder) = numerator.div_rem(denominator);
    let twice_remainder: BigUint = remainder << 1usize;
    match twice_remainder.cmp(denominator) {
        std::cmp::Ordering::Greater => quotient + 1u32,
        std::cmp::Ordering::Equal if quotient.is_odd() => quotient + 1u32,
        _ => quotient,
    }
}

/// `round(|value| * 10**scale)` with ties to even, exactly. `scale` may be negative.
pub(crate) fn scaled_round_half_even(value: f64, scale: i64) -> BigUint {
    let (mut numerator, mut denominator) = exact_fraction(value);
    if scale >= 0 {
        numerator *= power_of_ten(scale as usize);
    } else {
        denominator *= power_of_ten(scale.unsigned_abs() as usize);
    }
    divide_round_half_even(&numerator, &denominator)
}

fn strip_trailing_zeros(mut digits: String) -> String {
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    digits
}

/// Mode 0: the shortest digit string that reads back as `value` (finite).
pub(crate) fn shortest_digits(value: f64) -> DecimalDigits {
    if value == 0.0 {
        return DecimalDigits { digits: "0".into(), decimal_point: 1 };
    }
    let text = format!("{:e}", value.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = strip_trailing_zeros(digits);
    let decimal_point = exponent + 1;
    break_shortest_tie_to_even(value.abs(), &digits, decimal_point).unwrap_or(DecimalDigits { digits, decimal_point })
}

/// Rust and `_Py_dg_dtoa` agree on the shortest digit count and pick the
/// candidate closest to the value, but when the value lies exactly halfway
/// between two shortest candidates Rust takes the upper one while dtoa takes
/// the one with an even last digit (repr(28732294.1728515625) is
/// '28732294.172851562'). Returns the even candidate in that case.
fn break_shortest_tie_to_even(value: f64, digits: &str, decimal_point: i64) -> Option<DecimalDigits> {
    let candidate: u128 = digits.parse().ok()?;
    if candidate.is_multiple_of(2) {
        return None;
    }
    // With value = odd * 2**binary_exponent and scale = digit count - decimal_point,
    // value * 10**scale is a half-integer only if binary_exponent + 1 + scale == 0.
    let (mantissa, exponent) = decompose(value);
    let zeros = mantissa.trailing_zeros();
    let odd = (mantissa >> zeros) as u128;
    let binary_exponent = exponent as i64 + zeros as i64;
    let scale = digits.len() as i64 - decimal_point;
    if binary_exponent + 1 + scale != 0 {
        return None;
    }
    // twice_scaled = 2 * value * 10**scale = odd * 5**scale (exactly an integer or not).
    let five_power = 5u128.checked_pow(scale.unsigned_abs().try_into().ok()?)?;
    let twice_scaled = if scale >= 0 {
        odd.checked_mul(five_power)?
    } else if odd.is_multiple_of(five_power) {
        odd / five_power
    } else {
        return None;
    };
    let other = if twice_scaled == 2 * candidate + 1 {
        candidate + 1
    } else if twice_scaled + 1 == 2 * candidate {
        candidate - 1
    } else {
        return None;
    };
    // The even neighbour must also read back as the same float.
    let reads_back = format!("{}e{}", other, -scale).parse::<f64>().ok()? == value;
    if !reads_back {
        return None;
    }
    let text = other.to_string();
    let decimal_point = text.len() as i64 - scale;
    Some(DecimalDigits { digits: strip_trailing_zeros(text), decimal_point })
}

/// Mode 2: `count` (>= 1) significant digits, correctly rounded (finite value).
pub(crate) fn significant_digits(value: f64, count: usize) -> DecimalDigits {
    if value == 0.0 {
        return DecimalDigits { digits: "0".into(), decimal_point: 1 };
    }
    let count = count.clamp(1, MAX_EXACT_SIGNIFICANT_DIGITS);
    let (numerator, denominator) = exact_fraction(value);
    // Estimate floor(log10(|value|)); corrected below with exact comparisons.
    let mut exponent10 = value.abs().log10().floor() as i64;
    let lower_bound = power_of_ten(count - 1);
    let upper_bound = power_of_ten(count);
    loop {
        // scaled = |value| * 10**(count - 1 - exponent10), want it in [10**(count-1), 10**count).
        let scale = count as i64 - 1 - exponent10;
        let (scaled_numerator, scaled_denominator) = if scale >= 0 {
            (&numerator * power_of_ten(scale as usize), denominator.clone())
        } else {
            (numerator.clone(), &denominator * power_of_ten(scale.unsigned_abs() as usize))
        };
        let truncated = &scaled_numerator / &scaled_denominator;
        if truncated >= upper_bound {
            exponent10 += 1;
            continue;
        }
        if truncated < lower_bound {
            exponent10 -= 1;
            continue;
        }
        let mut rounded = divide_round_half_even(&scaled_numerator, &scaled_denominator);
        if rounded == upper_bound {
            rounded = lower_bound;
            exponent10 += 1;
        }
        return DecimalDigits { digits: strip_trailing_zeros(rounded.to_str_radix(10)), decimal_point: exponent10 + 1 };
    }
}

/// Mode 3: rounded to `count` digits after the decimal point (finite value).
pub(crate) fn fixed_digits(value: f64, count: usize) -> DecimalDigits {
    if value == 0.0 {
        return DecimalDigits { digits: "0".into(), decimal_point: 1 };
    }
    // Beyond -exponent fractional digits the expansion is exact, so more
    // digits only add zeros, which are stripped anyway.
    let (_, exponent) = decompose(value);
    let needed = (-(exponent as i64)).max(0) as usize;
    let effective = count.min(needed);
    let rounded = scaled_round_half_even(value, effective as i64);
    if rounded.is_zero() {
        return DecimalDigits { digits: String::new(), decimal_point: -(count as i64) };
    }
    let text = rounded.to_str_radix(10);
    let decimal_point = text.len() as i64 - effective as i64;
    DecimalDigits { digits: strip_trailing_zeros(text), decimal_point }
}

/// The presentation requested from [`double_to_string`] (after CPython has
/// mapped 'n' to 'g', '%' to 'f' and upper-case codes to lower case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FloatStyle {
    /// 'e': exponent notation with `precision` digits after the point.
    Exponent,
    /// 'f': fixed point with `precision` digits after the point.
    Fixed,
    /// 'g': `precision` significant digits, exponent notation for extremes.
    General,
    /// 'r': shortest round-trip digits, as `repr`.
    Repr,
}

/// Option flags of `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FloatFlags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub always_sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: write "1.0" instead of "1" for integral values.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the '#' alternate form (keep the decimal point / zeros).
    pub alternate: bool,
    /// `Py_DTSF_NO_NEG_0`: the 'z' option, a negative zero result loses its sign.
    pub no_negative_zero: bool,
    /// Upper-case "INF", "NAN" and "E".
    pub upper: bool,
}

/// Port of CPython's `PyOS_double_to_string` (with `format_float_short`).
/// `precision` is the precision before CPython's adjustments ('e' adds one,
/// 'g' treats 0 as 1, 'r' ignores it).
pub(crate) fn double_to_string(value: f64, style: FloatStyle, precision: usize, flags: FloatFlags) -> String {
    let mut out = String::new();
    if !value.is_finite() {
        // The sign of a NaN is ignored.
        if value.is_infinite() && value < 0.0 {
            out.push('-');
        } else if flags.always_sign {
            out.push('+');
        }
        let word = if value.is_nan() { "nan" } else { "inf" };
        out.push_str(&if flags.upper { word.to_ascii_uppercase() } else { word.to_string() });
        return out;
    }

    let (decimal, precision) = match style {
        FloatStyle::Exponent => {
            let precision = precision.saturating_add(1);
            (significant_digits(value, precision), precision)
        }
        FloatStyle::Fixed => (fixed_digits(value, precision), precision),
        FloatStyle::General => {
            let precision = precision.max(1);
            (significant_digits(value, precision), precision)
        }
        FloatStyle::Repr => (shortest_digits(value), 0),
    };
    let digits = decimal.digits.as_bytes();
    let digits_len = digits.len() as i64;
    let mut decimal_point = decimal.decimal_point;
    let precision = precision as i64;

    let mut negative = value.is_sign_negative();
    if flags.no_negative_zero && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }

    let mut use_exponent = false;
    let mut exponent = 0i64;
    let mut vdigits_end = digits_len;
    match style {
        FloatStyle::Exponent => {
            use_exponent = true;
            vdigits_end = precision;
        }
        FloatStyle::Fixed => vdigits_end = decimal_point + precision,
        FloatStyle::General => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decimal_point <= -4 || decimal_point > limit {
                use_exponent = true;
            }
            if flags.alternate {
                vdigits_end = precision;
            }
        }
        FloatStyle::Repr => {
            if decimal_point <= -4 || decimal_point > 16 {
                use_exponent = true;
            }
        }
    }
    if use_exponent {
        exponent = decimal_point - 1;
        decimal_point = 1;
    }
    // Ensure vdigits_start < decimal_point <= vdigits_end (strictly below
    // vdigits_end when ".0" must be added).
    let vdigits_start = if decimal_point <= 0 { decimal_point - 1 } else { 0 };
    if !use_exponent && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decimal_point + 1);
    } else {
        vdigits_end = vdigits_end.max(decimal_point);
    }

    if negative {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    let push_zeros = |out: &mut String, count: i64| {
        for _ in 0..count.max(0) {
            out.push('0');
        }
    };
    // Zero padding on the left of the digit string.
    if decimal_point <= 0 {
        push_zeros(&mut out, decimal_point - vdigits_start);
        out.push('.');
        push_zeros(&mut out, -decimal_point);
    } else {
        push_zeros(&mut out, -vdigits_start);
    }
    // The digits, with the decimal point if it falls inside them.
    let text = &decimal.digits;
    if 0 < decimal_point && decimal_point <= digits_len {
        let split = decimal_point as usize;
        out.push_str(&text[..split]);
        out.push('.');
        out.push_str(&text[split..]);
    } else {
        out.push_str(text);
    }
    // Zeros on the right.
    if digits_len < decimal_point {
        push_zeros(&mut out, decimal_point - digits_len);
        out.push('.');
        push_zeros(&mut out, vdigits_end - decimal_point);
    } else {
        push_zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exponent {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exponent < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exponent.unsigned_abs()));
    }
    out
}

/// Python's `repr(float)` (and `str(float)`): shortest round-trip digits,
/// exponent notation when the decimal exponent is < -4 or >= 16.
pub fn float_repr(value: f64) -> String {
    double_to_string(value, FloatStyle::Repr, 0, FloatFlags { add_dot_0: true, ..FloatFlags::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        // Expected strings from python3.11 repr().
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234568e16, "1.2345678901234568e+16"),
            (2e16 + 8.0, "2.000000000000001e+16"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (5e-324, "5e-324"),
            (-5e-324, "-5e-324"),
            (1e100, "1e+100"),
            (1.5e-300, "1.5e-300"),
            (123.456, "123.456"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0 / 3.0, "0.6666666666666666"),
            (100.0, "100.0"),
            (1e22, "1e+22"),
            (1e23, "1e+23"),
            (9007199254740993.0, "9007199254740992.0"),
            // Exactly halfway between two shortest candidates (the values are
            // 28732294.1728515625 etc.): the even one wins.
            (28732294.172851562, "28732294.172851562"),
            (95719573951856.12, "95719573951856.12"),
            (-1803872452852563.2, "-1803872452852563.2"),
            (678460704.0820312, "678460704.0820312"),
        ];
        for &(value, expected) in cases {
            assert_eq!(float_repr(value), expected, "repr of {:e}", value);
        }
    }

    #[test]
    fn digit_modes() {
        assert_eq!(significant_digits(0.125, 2), DecimalDigits { digits: "12".into(), decimal_point: 0 });
        assert_eq!(significant_digits(9.96, 2), DecimalDigits { digits: "1".into(), decimal_point: 2 });
        assert_eq!(fixed_digits(0.001, 2), DecimalDigits { digits: "".into(), decimal_point: -2 });
        assert_eq!(fixed_digits(2.5, 0), DecimalDigits { digits: "2".into(), decimal_point: 1 });
        assert_eq!(fixed_digits(0.5, 0), DecimalDigits { digits: "".into(), decimal_point: 0 });
        assert_eq!(fixed_digits(1e300, 5).decimal_point, 301);
        assert_eq!(significant_digits(5e-324, 1000).digits.len(), 751);
    }
}
