//! Text to number conversions with the rules of CPython 3.11's `float(str)`
//! (`PyFloat_FromString`) and `int(str, base)` (`PyLong_FromUnicodeObject` /
//! `PyLong_FromString`), including their error messages, Unicode digits and
//! whitespace, underscore rules and the int/str digit limit.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use super::str_repr::str_repr;
use super::unicode_tables::{decimal_digit_value, is_space};

/// CPython's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// Below this many digits the limit is never checked (`_PY_LONG_MAX_STR_DIGITS_THRESHOLD`).
const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII
/// whitespace becomes ' ', decimal digits of any script become ASCII digits.
/// Returns `None` when some other non-ASCII character (or DEL) occurs: CPython
/// turns it into '?', which no number syntax accepts.
pub(super) fn to_ascii_number_text(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for ch in text.chars() {
        if (ch as u32) < 127 {
            out.push(ch as u8);
        } else if is_space(ch) {
            out.push(b' ');
        } else {
            out.push(b'0' + decimal_digit_value(ch)? as u8);
        }
    }
    Some(out)
}

/// CPython's `Py_ISSPACE` (ASCII only).
pub(super) fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// CPython's `_Py_string_to_number_with_underscores` check: underscores only
/// between digits. Returns the text without them, or `None` when misplaced.
pub(super) fn remove_underscores(text: &[u8]) -> Option<Vec<u8>> {
    if !text.contains(&b'_') {
        return Some(text.to_vec());
    }
    let mut out = Vec::with_capacity(text.len());
    let mut previous = 0u8;
    for &byte in text {
        if byte == b'_' {
            if !previous.is_ascii_digit() {
                return None;
            }
        } else {
            if previous == b'_' && !byte.is_ascii_digit() {
                return None;
            }
            out.push(byte);
        }
        previous = byte;
    }
    if previous == b'_' {
        return None;
    }
    Some(out)
}

fn count_digits(text: &[u8]) -> usize {
    text.iter().take_while(|byte| byte.is_ascii_digit()).count()
}

/// Whether `text` is a complete decimal float literal as `_Py_dg_strtod`
/// accepts it: `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`.
fn is_decimal_float_syntax(text: &[u8]) -> bool {
    let mut position = 0;
    if matches!(text.first(), Some(b'+' | b'-')) {
        position += 1;
    }
    let integer_digits = count_digits(&text[position..]);
    position += integer_digits;
    let mut fraction_digits = 0;
    if text.get(position) == Some(&b'.') {
        position += 1;
        fraction_digits = count_digits(&text[position..]);
        position += fraction_digits;
    }
    if integer_digits + fraction_digits == 0 {
        return false;
    }
    if matches!(text.get(position), Some(b'e' | b'E')) {
        position += 1;
        if matches!(text.get(position), Some(b'+' | b'-')) {
            position += 1;
        }
        let exponent_digits = count_digits(&text[position..]);
        if exponent_digits == 0 {
            return false;
        }
        position += exponent_digits;
    }
    position == text.len()
}

/// CPython's `_Py_parse_inf_or_nan` applied to the whole text.
fn parse_inf_or_nan(text: &[u8]) -> Option<f64> {
    let (negative, rest) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = rest.to_ascii_lowercase();
    let value = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => return None,
    };
    Some(if negative { -value } else { value })
}

/// Parses a decimal literal already validated by [`is_decimal_float_syntax`],
/// correctly rounded. Huge exponents are clamped first (the value is then
/// certainly 0 or infinite either way).
fn parse_decimal_float(text: &[u8]) -> Option<f64> {
    let literal = std::str::from_utf8(text).ok()?;
    let (mantissa, exponent) = match literal.find(['e', 'E']) {
        Some(index) => (&literal[..index], &literal[index + 1..]),
        None => (literal, "0"),
    };
    let (exponent_negative, exponent_digits) = match exponent.as_bytes().first() {
        Some(b'-') => (true, &exponent[1..]),
        Some(b'+') => (false, &exponent[1..]),
        _ => (false, exponent),
    };
    let exponent_digits = exponent_digits.trim_start_matches('0');
    // Any |exponent| beyond this over- or underflows whatever the mantissa
    // (mantissas are bounded by the input length, far below this).
    let exponent_value: i64 =
        if exponent_digits.len() > 12 { 1_000_000_000_000 } else { exponent_digits.parse().unwrap_or(0) };
    let mantissa_length = mantissa.len() as i64;
    let exponent_value = exponent_value.min(1_000_000_000_000 + mantissa_length);
    let signed_exponent = if exponent_negative { -exponent_value } else { exponent_value };
    format!("{}e{}", mantissa, signed_exponent).parse::<f64>().ok()
}

/// The longest float literal at the start of `text`, as `PyOS_string_to_double` reads
/// one without requiring the whole text: `[sign]` then decimal digits with an optional
/// point and exponent (taken only when digits follow it), or `inf`, `infinity` or
/// `nan` in any case. Returns the value and the bytes used.
pub(super) fn float_prefix(text: &[u8]) -> Option<(f64, usize)> {
    let mut position = usize::from(matches!(text.first(), Some(b'+' | b'-')));
    let integer_digits = count_digits(&text[position..]);
    position += integer_digits;
    let mut fraction_digits = 0;
    if text.get(position) == Some(&b'.') {
        fraction_digits = count_digits(&text[position + 1..]);
        if integer_digits + fraction_digits > 0 {
            position += 1 + fraction_digits;
        }
    }
    if integer_digits + fraction_digits == 0 {
        let sign = usize::from(matches!(text.first(), Some(b'+' | b'-')));
        let rest = text[sign..].to_ascii_lowercase();
        let used = if rest.starts_with(b"infinity") {
            8
        } else if rest.starts_with(b"inf") || rest.starts_with(b"nan") {
            3
        } else {
            return None;
        };
        return parse_inf_or_nan(&text[..sign + used]).map(|v| (v, sign + used));
    }
    if matches!(text.get(position), Some(b'e' | b'E')) {
        let mut exponent_end = position + 1;
        if matches!(text.get(exponent_end), Some(b'+' | b'-')) {
            exponent_end += 1;
        }
        let exponent_digits = count_digits(&text[exponent_end.min(text.len())..]);
        if exponent_digits > 0 {
            position = exponent_end + exponent_digits;
        }
    }
    parse_decimal_float(&text[..position]).map(|v| (v, position))
}

/// Python's `float(text)` for a `str` argument. The error message is
/// "could not convert string to float: " followed by `repr(text)`.
pub fn parse_float(text: &str) -> Result<f64, String> {
    let error = || format!("could not convert string to float: {}", str_repr(text));
    let ascii = to_ascii_number_text(text).ok_or_else(error)?;
    let cleaned = remove_underscores(&ascii).ok_or_else(error)?;
    let start = cleaned.iter().position(|&byte| !is_ascii_space(byte)).ok_or_else(error)?;
    let end = cleaned.iter().rposition(|&byte| !is_ascii_space(byte)).map_or(start, |index| index + 1);
    let literal = &cleaned[start..end];
    if is_decimal_float_syntax(literal) {
        return parse_decimal_float(literal).ok_or_else(error);
    }
    parse_inf_or_nan(literal).ok_or_else(error)
}

/// Checks `int(text, base)`'s base argument: 0 or 2..=36.
pub fn check_int_base(base: u32) -> Result<(), String> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err("int() base must be >= 2 and <= 36, or 0".to_string());
    }
    Ok(())
}

/// Value of an ASCII digit in bases up to 36 (CPython's `_PyLong_DigitValue`), 37 otherwise.
fn digit_value(byte: u8) -> u32 {
    match byte {
        b'0'..=b'9' => (byte - b'0') as u32,
        b'a'..=b'z' => (byte - b'a') as u32 + 10,
        b'A'..=b'Z' => (byte - b'A') as u32 + 10,
        _ => 37,
    }
}

/// Why [`parse_int_ascii`] failed.
enum IntParseFailure {
    InvalidLiteral,
    TooManyDigits(usize),
}

/// Port of `PyLong_FromString` on the ASCII-transformed text, requiring the
/// whole text to be consumed.
fn parse_int_ascii(text: &[u8], base: u32, max_str_digits: usize) -> Result<BigInt, IntParseFailure> {
    use IntParseFailure::*;
    let at = |index: usize| text.get(index).copied().unwrap_or(0);
    let mut position = 0;
    while is_ascii_space(at(position)) {
        position += 1;
    }
    let mut negative = false;
    if at(position) == b'+' {
        position += 1;
    } else if at(position) == b'-' {
        position += 1;
        negative = true;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(position) != b'0' {
            10
        } else {
            match at(position + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // "Old" C-style octal, now invalid unless the value is zero.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(position) == b'0' {
        let marker = at(position + 1).to_ascii_lowercase();
        if (base == 16 && marker == b'x') || (base == 8 && marker == b'o') || (base == 2 && marker == b'b') {
            position += 2;
            // One underscore is allowed after the prefix.
            if at(position) == b'_' {
                position += 1;
            }
        }
    }
    if at(position) == b'_' {
        return Err(InvalidLiteral);
    }
    let start = position;
    let mut digits: Vec<u8> = Vec::new();
    let mut previous = 0u8;
    while position < text.len() && (digit_value(text[position]) < base || text[position] == b'_') {
        let byte = text[position];
        if byte == b'_' {
            if previous == b'_' {
                return Err(InvalidLiteral);
            }
        } else {
            digits.push(digit_value(byte) as u8);
        }
        previous = byte;
        position += 1;
    }
    if previous == b'_' {
        return Err(InvalidLiteral);
    }
    let power_of_two_base = base & (base - 1) == 0;
    if !power_of_two_base
        && digits.len() > MAX_STR_DIGITS_THRESHOLD
        && max_str_digits > 0
        && digits.len() > max_str_digits
    {
        return Err(TooManyDigits(digits.len()));
    }
    if position == start {
        return Err(InvalidLiteral);
    }
    let magnitude = BigUint::from_radix_be(&digits, base).unwrap_or_default();
    if error_if_nonzero && !magnitude.is_zero() {
        return Err(InvalidLiteral);
    }
    while is_ascii_space(at(position)) {
        position += 1;
    }
    if position != text.len() {
        return Err(InvalidLiteral);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, magnitude))
}

/// Python's `int(text, base)` for a `str` argument, with the default limit of
/// 4300 digits for non-power-of-two bases.
pub fn parse_int(text: &str, base: u32) -> Result<BigInt, String> {
    parse_int_with_limit(text, base, DEFAULT_MAX_STR_DIGITS)
}

/// [`parse_int`] with an explicit `sys.set_int_max_str_digits()` limit (0 = no limit).
pub fn parse_int_with_limit(text: &str, base: u32, max_str_digits: usize) -> Result<BigInt, String> {
    check_int_base(base)?;
    let invalid = || {
        let repr = str_repr(text);
        format!("invalid literal for int() with base {}: {}", base, super::spec::truncate_chars(&repr, 200))
    };
    let ascii = to_ascii_number_text(text).ok_or_else(invalid)?;
    parse_int_ascii(&ascii, base, max_str_digits).map_err(|failure| match failure {
        IntParseFailure::InvalidLiteral => invalid(),
        IntParseFailure::TooManyDigits(count) => format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits, count
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float_error(text: &str) -> String {
        parse_float(text).unwrap_err()
    }

    #[test]
    fn float_values_match_cpython() {
        // Values from python3.11 float().
        let cases: &[(&str, f64)] = &[
            ("1.5", 1.5),
            ("  -2.25\n", -2.25),
            ("1_0", 10.0),
            ("1e1_0", 1e10),
            ("1_000.000_1", 1000.0001),
            ("5.", 5.0),
            (".5", 0.5),
            ("+.5e-3", 0.0005),
            ("1E5", 100000.0),
            ("0.1", 0.1),
            ("2.2250738585072011e-308", 2.225073858507201e-308),
            ("1e99999999999999999999999", f64::INFINITY),
            ("-1e99999999999999999999999", f64::NEG_INFINITY),
            ("1e-99999999999999999999999", 0.0),
            ("0e99999999999999999999999", 0.0),
            ("1e400", f64::INFINITY),
            ("\u{661}\u{662}.5", 12.5),
            ("\u{661}.\u{665}e\u{661}", 15.0),
            ("\u{a0}1.5\u{3000}", 1.5),
            ("-iNfInItY", f64::NEG_INFINITY),
            ("inf", f64::INFINITY),
            ("+Infinity", f64::INFINITY),
            ("9007199254740993", 9007199254740992.0),
            ("179769313486231580793728971405301e276", f64::MAX),
            ("0.000000000000000000000000000000000000000001e42", 1.0),
        ];
        for &(text, expected) in cases {
            assert_eq!(parse_float(text).unwrap(), expected, "float({:?})", text);
        }
        let negative_zero = parse_float("-0").unwrap();
        assert!(negative_zero == 0.0 && negative_zero.is_sign_negative());
        assert!(parse_float("nan").unwrap().is_nan());
        assert!(parse_float(" -NaN ").unwrap().is_nan());
    }

    #[test]
    fn float_errors_match_cpython() {
        for text in [
            "",
            " ",
            ".",
            "1e",
            "1e+",
            "abc",
            "1__0",
            "_1",
            "1_",
            "1_e5",
            "1._5",
            "1_.5",
            "in_f",
            "infinit",
            "0x10",
            "nan1",
            "1\x00",
            "1\x1f",
            "\x1c1",
            "- 1",
            "1 2",
            "++1",
            "1e5.0",
            "inf inity",
            "é",
        ] {
            assert_eq!(
                float_error(text),
                format!("could not convert string to float: {}", str_repr(text)),
                "float({:?})",
                text
            );
        }
        assert_eq!(float_error("abc"), "could not convert string to float: 'abc'");
        assert_eq!(float_error("it's"), "could not convert string to float: \"it's\"");
        // The repr is not truncated for float().
        assert_eq!(float_error(&"x".repeat(300)).len(), 35 + 302);
    }

    #[test]
    fn int_values_match_cpython() {
        let cases: &[(&str, u32, &str)] = &[
            ("0", 10, "0"),
            ("  -12  ", 10, "-12"),
            ("+7", 10, "7"),
            ("1_000_000", 10, "1000000"),
            ("0x_1f", 16, "31"),
            ("0X1F", 16, "31"),
            ("1f", 16, "31"),
            ("0b101", 0, "5"),
            ("0B101", 2, "5"),
            ("0o17", 8, "15"),
            ("0o17", 0, "15"),
            ("0x1_2", 0, "18"),
            ("00", 0, "0"),
            ("0_0", 0, "0"),
            ("-0", 0, "0"),
            ("z", 36, "35"),
            ("Z", 36, "35"),
            ("0b1", 16, "177"),
            ("\u{661}\u{662}", 10, "12"),
            ("\u{661}\u{662}", 16, "18"),
            ("\u{a0}1\u{2028}", 10, "1"),
            ("123456789012345678901234567890", 10, "123456789012345678901234567890"),
            ("-ffffffffffffffffffff", 16, "-1208925819614629174706175"),
        ];
        for &(text, base, expected) in cases {
            assert_eq!(parse_int(text, base).unwrap().to_string(), expected, "int({:?}, {})", text, base);
        }
    }

    #[test]
    fn int_errors_match_cpython() {
        let cases: &[(&str, u32)] = &[
            ("abc", 10),
            ("", 10),
            ("+", 10),
            ("_1", 10),
            ("1_", 10),
            ("1__0", 10),
            ("+_1", 10),
            ("- 1", 10),
            ("0x__1f", 16),
            ("0x1f_", 16),
            ("0x", 16),
            ("0x1f", 10),
            ("0x", 0),
            ("012", 0),
            ("07", 0),
            ("0_7", 0),
            ("0_x1", 0),
            ("\x00", 10),
            ("1\x00", 10),
            ("1\x1c", 10),
            ("\n12a", 10),
            ("2", 2),
            ("1.0", 10),
            ("é", 10),
        ];
        for &(text, base) in cases {
            assert_eq!(
                parse_int(text, base).unwrap_err(),
                format!("invalid literal for int() with base {}: {}", base, str_repr(text)),
                "int({:?}, {})",
                text,
                base
            );
        }
        assert_eq!(parse_int("abc", 10).unwrap_err(), "invalid literal for int() with base 10: 'abc'");
        assert_eq!(parse_int("it's", 10).unwrap_err(), "invalid literal for int() with base 10: \"it's\"");
        // The repr is cut to 200 characters.
        let message = parse_int(&"x".repeat(300), 10).unwrap_err();
        assert_eq!(message.chars().count(), 240);
        assert!(message.ends_with("xxx"));
        assert_eq!(parse_int("1", 1).unwrap_err(), "int() base must be >= 2 and <= 36, or 0");
        assert_eq!(parse_int("1", 37).unwrap_err(), "int() base must be >= 2 and <= 36, or 0");
    }

    #[test]
    fn int_digit_limit_matches_cpython() {
        assert_eq!(
            parse_int(&"1".repeat(5000), 10).unwrap_err(),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        assert_eq!(parse_int(&"1".repeat(4300), 10).unwrap().to_string().len(), 4300);
        // Power-of-two bases are not limited; underscores do not count as digits.
        assert_eq!(parse_int(&"f".repeat(5000), 16).unwrap().bits(), 20000);
        assert!(parse_int("1_".repeat(4300).trim_end_matches('_'), 10).is_ok());
        assert!(parse_int_with_limit(&"1".repeat(5000), 10, 0).is_ok());
    }
}
