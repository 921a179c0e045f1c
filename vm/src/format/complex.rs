//! complex numbers as CPython 3.11's complexobject.c computes and spells them: the
//! arithmetic with its corner cases (Smith's division, integer powers by repeated
//! squaring, the polar form for the rest), `repr`, `complex(str)` parsing, the hash and
//! `format()`.

use super::float_digits::{double_to_string, FloatFlags, FloatStyle};
use super::parse::{float_prefix, is_ascii_space, remove_underscores, to_ascii_number_text};
use super::spec::parse_format_spec;

pub const COMPLEX_DIVISION_BY_ZERO: &str = "complex division by zero";
pub const COMPLEX_ZERO_TO_NEGATIVE_POWER: &str = "0.0 to a negative or complex power";
pub const COMPLEX_POW_OVERFLOW: &str = "complex exponentiation";
pub const COMPLEX_ABS_OVERFLOW: &str = "absolute value too large";
pub const COMPLEX_MALFORMED: &str = "complex() arg is a malformed string";

/// A complex value: (real, imaginary).
pub type Complex = (f64, f64);

pub fn complex_mul(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` by Smith's method, as `_Py_c_quot`; `None` when `b` is zero.
fn quotient(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_real, abs_imag) = (b.0.abs(), b.1.abs());
    if abs_real >= abs_imag {
        if abs_real == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denominator = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denominator, (a.1 - a.0 * ratio) / denominator))
    } else if abs_imag >= abs_real {
        let ratio = b.0 / b.1;
        let denominator = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denominator, (a.1 * ratio - a.0) / denominator))
    } else {
        // One of b's parts is a NaN.
        Some((f64::NAN, f64::NAN))
    }
}

pub fn complex_div(a: Complex, b: Complex) -> Result<Complex, String> {
    quotient(a, b).ok_or_else(|| COMPLEX_DIVISION_BY_ZERO.to_string())
}

/// `x ** n` for n >= 0 by repeated squaring (`c_powu`).
fn power_unsigned(x: Complex, n: i64) -> Complex {
    let (mut result, mut power, mut mask) = ((1.0, 0.0), x, 1i64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            result = complex_mul(result, power);
        }
        mask <<= 1;
        power = complex_mul(power, power);
    }
    result
}

/// `_Py_c_pow`: the polar form; `None` for zero to a negative or complex power.
fn power_polar(a: Complex, b: Complex) -> Option<Complex> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        return if b.1 != 0.0 || b.0 < 0.0 { None } else { Some((0.0, 0.0)) };
    }
    let magnitude = a.0.hypot(a.1);
    let mut length = magnitude.powf(b.0);
    let angle = a.1.atan2(a.0);
    let mut phase = angle * b.0;
    if b.1 != 0.0 {
        length /= (angle * b.1).exp();
        phase += b.1 * magnitude.ln();
    }
    Some((length * phase.cos(), length * phase.sin()))
}

/// `a ** b` as `complex_pow`: small integral exponents multiply, others use the polar
/// form; an infinite part in the result is an OverflowError.
pub fn complex_pow(a: Complex, b: Complex) -> Result<Complex, String> {
    let result = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            Some(power_unsigned(a, n))
        } else {
            quotient((1.0, 0.0), power_unsigned(a, -n))
        }
    } else {
        power_polar(a, b)
    };
    let result = result.ok_or_else(|| COMPLEX_ZERO_TO_NEGATIVE_POWER.to_string())?;
    if result.0.is_infinite() || result.1.is_infinite() {
        return Err(COMPLEX_POW_OVERFLOW.to_string());
    }
    Ok(result)
}

/// `abs(z)`: an infinite part gives inf even beside a NaN; an overflowing finite
/// magnitude is an OverflowError.
pub fn complex_abs(z: Complex) -> Result<f64, String> {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() {
            return Ok(z.0.abs());
        }
        if z.1.is_infinite() {
            return Ok(z.1.abs());
        }
        return Ok(f64::NAN);
    }
    let result = z.0.hypot(z.1);
    if result.is_finite() {
        Ok(result)
    } else {
        Err(COMPLEX_ABS_OVERFLOW.to_string())
    }
}

/// `hash(z)`: the parts' hashes combined as CPython does (`hash(x + 0j) == hash(x)`).
pub fn complex_hash(real_hash: i64, imag_hash: i64) -> i64 {
    const IMAG_MULTIPLIER: u64 = 1_000_003;
    let combined = (real_hash as u64).wrapping_add(IMAG_MULTIPLIER.wrapping_mul(imag_hash as u64)) as i64;
    if combined == -1 {
        -2
    } else {
        combined
    }
}

fn part(value: f64, style: FloatStyle, precision: usize, flags: FloatFlags) -> String {
    double_to_string(value, style, precision, flags)
}

/// `repr(z)`: `1j` when the real part is +0, otherwise `(re+imj)` with the shortest
/// round-trip digits and no `.0`.
pub fn complex_repr(z: Complex) -> String {
    let plain = FloatFlags::default();
    let signed = FloatFlags { always_sign: true, ..FloatFlags::default() };
    if z.0 == 0.0 && z.0.is_sign_positive() {
        format!("{}j", part(z.1, FloatStyle::Repr, 0, plain))
    } else {
        format!("({}{}j)", part(z.0, FloatStyle::Repr, 0, plain), part(z.1, FloatStyle::Repr, 0, signed))
    }
}

/// `complex(text)`: `<float>`, `<float>j`, `<float><signed-float>j`, and the older
/// `<float><sign>j`, `<sign>j` and `j`, optionally in parentheses and whitespace.
pub fn parse_complex(text: &str) -> Result<Complex, String> {
    let error = || COMPLEX_MALFORMED.to_string();
    let ascii = to_ascii_number_text(text).ok_or_else(error)?;
    let s = remove_underscores(&ascii).ok_or_else(error)?;
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < s.len() && is_ascii_space(s[*i]) {
            *i += 1;
        }
    };
    let is_j = |i: usize| matches!(s.get(i), Some(b'j' | b'J'));
    skip_space(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let (mut real, mut imag) = (0.0, 0.0);
    if let Some((first, used)) = float_prefix(&s[i..]) {
        i += used;
        match s.get(i) {
            Some(sign @ (b'+' | b'-')) => {
                real = first;
                match float_prefix(&s[i..]) {
                    Some((second, used)) => {
                        imag = second;
                        i += used;
                    }
                    None => {
                        imag = if *sign == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(i) {
                    return Err(error());
                }
                i += 1;
            }
            Some(b'j' | b'J') => {
                imag = first;
                i += 1;
            }
            _ => real = first,
        }
    } else {
        imag = match s.get(i) {
            Some(b'+') => {
                i += 1;
                1.0
            }
            Some(b'-') => {
                i += 1;
                -1.0
            }
            _ => 1.0,
        };
        if !is_j(i) {
            return Err(error());
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return Err(error());
        }
        i += 1;
        skip_space(&mut i);
    }
    if i != s.len() {
        return Err(error());
    }
    Ok((real, imag))
}

/// `format(z, spec)`, as `format_complex_internal`. With a presentation type both parts
/// use it and no parentheses are added; without one the parts are written as in
/// `repr` (or as 'g' with a precision), in parentheses unless the real part is +0 and
/// left out. The imaginary part always has a sign unless it stands alone. The result is
/// padded to the width (right-aligned by default).
pub fn format_complex(z: Complex, spec_text: &str) -> Result<String, String> {
    if spec_text.is_empty() {
        return Ok(complex_repr(z));
    }
    let spec = parse_format_spec(spec_text, None, '>', "complex")?;
    if spec.fill == '0' {
        return Err("Zero padding is not allowed in complex format specifier".to_string());
    }
    if spec.align == '=' {
        return Err("'=' alignment flag is not allowed in complex format specifier".to_string());
    }
    if spec.grouping != super::spec::Grouping::None {
        return Err("thousands separators in complex format specifiers are not supported yet".to_string());
    }
    let mut flags =
        FloatFlags { alternate: spec.alternate, no_negative_zero: spec.no_negative_zero, ..FloatFlags::default() };
    let (mut skip_real, mut parens) = (false, false);
    let (mut style, default_precision) = match spec.kind {
        None => {
            if z.0 == 0.0 && z.0.is_sign_positive() {
                skip_real = true;
            } else {
                parens = true;
            }
            (FloatStyle::Repr, 0)
        }
        Some('e') => (FloatStyle::Exponent, 6),
        Some('f') => (FloatStyle::Fixed, 6),
        Some('g' | 'n') => (FloatStyle::General, 6),
        Some('E') => {
            flags.upper = true;
            (FloatStyle::Exponent, 6)
        }
        Some('F') => {
            flags.upper = true;
            (FloatStyle::Fixed, 6)
        }
        Some('G') => {
            flags.upper = true;
            (FloatStyle::General, 6)
        }
        Some(kind) => return Err(super::spec::unknown_format_code_message(kind, "complex")),
    };
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if style == FloatStyle::Repr {
                style = FloatStyle::General;
            }
            p
        }
    };
    // Splits off the '-' double_to_string wrote, and gives the sign to print instead.
    let signed = |value: f64, sign: Option<char>| -> (String, &'static str) {
        let text = double_to_string(value, style, precision, flags);
        match text.strip_prefix('-') {
            Some(rest) => (rest.to_string(), "-"),
            None => (
                text,
                match sign {
                    Some('+') => "+",
                    Some(' ') => " ",
                    _ => "",
                },
            ),
        }
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_real {
        let (real, sign) = signed(z.0, spec.sign);
        body.push_str(sign);
        body.push_str(&real);
    }
    let (imag, sign) = signed(z.1, if skip_real { spec.sign } else { Some('+') });
    body.push_str(sign);
    body.push_str(&imag);
    body.push('j');
    if parens {
        body.push(')');
    }
    let length = body.chars().count();
    let total = spec.width.map_or(length, |w| w.max(length));
    let padding = total - length;
    let left = match spec.align {
        '<' => 0,
        '^' => padding / 2,
        _ => padding,
    };
    let mut out = String::with_capacity(body.len() + padding * spec.fill.len_utf8());
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(spec.fill, padding - left));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(complex_repr((0.0, 1.0)), "1j");
        assert_eq!(complex_repr((-0.0, -1.0)), "(-0-1j)");
        assert_eq!(complex_repr((1.5, -2.0)), "(1.5-2j)");
        assert_eq!(complex_repr((0.0, 1e20)), "1e+20j");
        assert_eq!(complex_repr((1.0, f64::NAN)), "(1+nanj)");
        assert_eq!(complex_repr((f64::INFINITY, f64::NEG_INFINITY)), "(inf-infj)");
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(parse_complex("1+2j"), Ok((1.0, 2.0)));
        assert_eq!(parse_complex(" ( -1.5e3-2J ) "), Ok((-1500.0, -2.0)));
        assert_eq!(parse_complex("j"), Ok((0.0, 1.0)));
        assert_eq!(parse_complex("-j"), Ok((0.0, -1.0)));
        assert_eq!(parse_complex("3+j"), Ok((3.0, 1.0)));
        assert_eq!(parse_complex("1_0j"), Ok((0.0, 10.0)));
        assert_eq!(parse_complex("7"), Ok((7.0, 0.0)));
        for bad in ["", "1+2", "(1+2j", "1j2", "1e", "x", "1__0", "()"] {
            assert!(parse_complex(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn powers() {
        assert_eq!(complex_pow((0.0, 1.0), (2.0, 0.0)), Ok((-1.0, 0.0)));
        assert_eq!(complex_pow((0.0, 0.0), (-1.0, 0.0)), Err(COMPLEX_ZERO_TO_NEGATIVE_POWER.to_string()));
        assert_eq!(complex_pow((-1.0, 0.0), (0.5, 0.0)), Ok((6.123233995736766e-17, 1.0)));
    }
}
