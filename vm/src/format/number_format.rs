//! `format(value, spec)` for int, float and str, a port of CPython 3.11's
//! Python/formatter_unicode.c (`format_long_internal`,
//! `format_float_internal`, `format_string_internal`, `calc_number_widths`,
//! `fill_number` and `_PyUnicode_InsertThousandsGrouping`).
//!
//! The 'n' presentation type uses the current locale in CPython; this module
//! assumes the C locale (no grouping, '.' as decimal point), which is what a
//! Python process has unless it calls `locale.setlocale`.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::float_digits::{double_to_string, FloatFlags, FloatStyle};
use super::float_ops::int_to_float;
use super::parse::DEFAULT_MAX_STR_DIGITS;
use super::spec::{parse_format_spec, unknown_format_code_message, FormatSpec, Grouping};

/// Results longer than this many characters are refused with
/// [`MEMORY_ERROR`] instead of being allocated (CPython would try and
/// usually raise MemoryError).
pub const MAX_FORMATTED_CHARS: usize = 1 << 31;
/// The message returned where CPython raises `MemoryError` (whose message is
/// empty); see [`super::exception_kind`].
pub const MEMORY_ERROR: &str = "MemoryError";

fn check_size(chars: usize) -> Result<(), String> {
    if chars > MAX_FORMATTED_CHARS {
        Err(MEMORY_ERROR.to_string())
    } else {
        Ok(())
    }
}

fn exceeds_str_digits_message(limit: usize) -> String {
    format!(
        "Exceeds the limit ({} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit",
        limit
    )
}

/// `str(n)` for a Python int, with CPython's default limit of 4300 digits.
pub fn int_to_decimal_string(value: &BigInt) -> Result<String, String> {
    int_to_decimal_string_with_limit(value, DEFAULT_MAX_STR_DIGITS)
}

/// `str(n)` with an explicit `sys.set_int_max_str_digits()` limit (0 = none).
/// The error is CPython's ValueError message.
pub fn int_to_decimal_string_with_limit(value: &BigInt, max_str_digits: usize) -> Result<String, String> {
    if max_str_digits > 0 {
        // A number of b bits has at least floor((b - 1) * log10(2)) + 1 digits;
        // refuse obviously huge values before the (quadratic) conversion.
        let bits = value.magnitude().bits();
        if bits > 1 && ((bits - 1) as f64 * std::f64::consts::LOG10_2) as u64 > max_str_digits as u64 {
            return Err(exceeds_str_digits_message(max_str_digits));
        }
    }
    let text = value.to_str_radix(10);
    let digit_count = text.len() - usize::from(value.sign() == Sign::Minus);
    if max_str_digits > 0 && digit_count > max_str_digits {
        return Err(exceeds_str_digits_message(max_str_digits));
    }
    Ok(text)
}

/// The pieces of a formatted number, as `calc_number_widths` sees them.
struct NumberParts<'a> {
    negative: bool,
    /// "0x"-style prefix (only with '#').
    prefix: &'a str,
    /// Integer digits, grouped and zero-padded by `insert_grouping`. Empty
    /// for 'c' and for inf/nan.
    digits: &'a str,
    has_decimal_point: bool,
    /// Everything after the decimal point (or after the digits if there is
    /// none): fraction, exponent, "inf", the 'c' character, a '%'.
    remainder: &'a str,
}

/// Right-to-left writer for [`insert_grouping`].
struct GroupedDigits<'a> {
    digits: &'a [u8],
    /// Digits not yet written (a prefix of `digits`).
    remaining: usize,
    /// Output so far, reversed; every byte is ASCII.
    reversed: Vec<u8>,
}

impl GroupedDigits<'_> {
    /// Writes one group of `length` characters: the rightmost unwritten
    /// digits, then leading zeros if the digits run out, after `separator`.
    fn write_group(&mut self, length: usize, separator: Option<u8>) {
        let chars = self.remaining.min(length);
        let zeros = length - chars;
        if let Some(separator) = separator {
            self.reversed.push(separator);
        }
        let start = self.remaining - chars;
        self.reversed.extend(self.digits[start..self.remaining].iter().rev());
        self.remaining = start;
        self.reversed.extend(std::iter::repeat_n(b'0', zeros));
    }
}

/// Port of `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) and
/// pads them with leading zeros (separators included) up to `min_width`.
fn insert_grouping(digits: &str, min_width: i64, grouping: Grouping) -> String {
    let mut min_width = min_width.max(0) as usize;
    let mut writer = GroupedDigits {
        digits: digits.as_bytes(),
        remaining: digits.len(),
        reversed: Vec::with_capacity(digits.len().max(min_width) + 8),
    };
    match grouping.separator_and_size() {
        Some((separator, group_size)) => {
            let mut use_separator = false;
            loop {
                let length = group_size.min(writer.remaining.max(min_width).max(1));
                writer.write_group(length, use_separator.then_some(separator as u8));
                use_separator = true;
                min_width = min_width.saturating_sub(length);
                if writer.remaining == 0 && min_width == 0 {
                    break;
                }
                min_width = min_width.saturating_sub(1); // the separator's width
            }
        }
        None => {
            let length = writer.remaining.max(min_width).max(1);
            writer.write_group(length, None);
        }
    }
    writer.reversed.reverse();
    String::from_utf8(writer.reversed).unwrap_or_default()
}

/// Port of `calc_number_widths` + `fill_number`.
fn layout_number(parts: &NumberParts, spec: &FormatSpec, grouping: Grouping) -> Result<String, String> {
    let width = spec.width.map_or(-1i64, |width| width.min(i64::MAX as usize) as i64);
    check_size(width.max(0) as usize)?;
    let sign = match spec.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => parts.negative.then_some('-'),
    };
    let remainder_chars = parts.remainder.chars().count() as i64;
    let non_digit_non_padding =
        i64::from(sign.is_some()) + parts.prefix.len() as i64 + i64::from(parts.has_decimal_point) + remainder_chars;
    let min_width = if spec.fill == '0' && spec.align == '=' { width - non_digit_non_padding } else { 0 };
    let grouped =
        if parts.digits.is_empty() { String::new() } else { insert_grouping(parts.digits, min_width, grouping) };
    let grouped_chars = grouped.len() as i64; // ASCII
    let padding = (width - (non_digit_non_padding + grouped_chars)).max(0);
    let (left, middle, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let fill = |out: &mut String, count: i64| out.extend(std::iter::repeat_n(spec.fill, count as usize));
    let mut out = String::with_capacity((non_digit_non_padding + grouped_chars + padding) as usize + 4);
    fill(&mut out, left);
    if let Some(sign) = sign {
        out.push(sign);
    }
    out.push_str(parts.prefix);
    fill(&mut out, middle);
    out.push_str(&grouped);
    if parts.has_decimal_point {
        out.push('.');
    }
    out.push_str(parts.remainder);
    fill(&mut out, right);
    Ok(out)
}

/// `format(value, spec)` for an int.
pub fn format_int(value: &BigInt, spec: &str) -> Result<String, String> {
    format_int_for_type(value, spec, "int")
}

/// `format(value, spec)` for an int-like object whose type name (for error
/// messages) is `type_name`, e.g. "bool". With an empty spec this returns the
/// decimal digits; for a bool the caller should use `str(obj)` instead, as
/// CPython does for any non-exact int.
pub fn format_int_for_type(value: &BigInt, spec: &str, type_name: &str) -> Result<String, String> {
    if spec.is_empty() {
        return int_to_decimal_string(value);
    }
    let spec = parse_format_spec(spec, Some('d'), '>', type_name)?;
    match spec.kind {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_internal(value, &spec),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float_internal(int_to_float(value)?, &spec),
        Some(kind) => Err(unknown_format_code_message(kind, type_name)),
        None => Err(unknown_format_code_message('\0', type_name)),
    }
}

/// Port of `format_long_internal`.
fn format_int_internal(value: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_negative_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".to_string());
    }
    let kind = spec.kind.unwrap_or('d');
    if kind == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".to_string());
        }
        let code = value.to_i64().ok_or_else(|| "Python int too large to convert to C long".to_string())?;
        if !(0..=0x10ffff).contains(&code) {
            return Err("%c arg not in range(0x110000)".to_string());
        }
        let ch = char::from_u32(code as u32).ok_or_else(|| {
            // CPython would produce a lone surrogate, which a Rust string cannot hold.
            format!("character U+{:04X} is a surrogate and cannot be represented", code)
        })?;
        let text = ch.to_string();
        let parts = NumberParts { negative: false, prefix: "", digits: "", has_decimal_point: false, remainder: &text };
        return layout_number(&parts, spec, Grouping::None);
    }
    let (radix, prefix) = match kind {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        let mut text = int_to_decimal_string(value)?;
        if text.starts_with('-') {
            text.remove(0);
        }
        text
    } else {
        value.magnitude().to_str_radix(radix)
    };
    if kind == 'X' {
        digits.make_ascii_uppercase();
    }
    // 'n' formats with the current locale; in the C locale that is ungrouped.
    let grouping = if kind == 'n' { Grouping::None } else { spec.grouping };
    let parts = NumberParts {
        negative: value.sign() == Sign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal_point: false,
        remainder: "",
    };
    layout_number(&parts, spec, grouping)
}

/// `format(value, spec)` for a float.
pub fn format_float(value: f64, spec: &str) -> Result<String, String> {
    format_float_for_type(value, spec, "float")
}

/// [`format_float`] for a float subclass named `type_name` (error messages only).
pub fn format_float_for_type(value: f64, spec: &str, type_name: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(super::float_digits::float_repr(value));
    }
    let spec = parse_format_spec(spec, None, '>', type_name)?;
    match spec.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_internal(value, &spec),
        Some(kind) => Err(unknown_format_code_message(kind, type_name)),
    }
}

/// Port of `format_float_internal`.
fn format_float_internal(value: f64, spec: &FormatSpec) -> Result<String, String> {
    let precision = match spec.precision {
        Some(precision) if precision > i32::MAX as usize => return Err("precision too big".to_string()),
        other => other,
    };
    let mut flags =
        FloatFlags { alternate: spec.alternate, no_negative_zero: spec.no_negative_zero, ..FloatFlags::default() };
    let mut default_precision = 6;
    let mut value = value;
    let mut add_percent = false;
    let mut style = match spec.kind {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            FloatStyle::Repr
        }
        Some('e') => FloatStyle::Exponent,
        Some('E') => {
            flags.upper = true;
            FloatStyle::Exponent
        }
        Some('f') => FloatStyle::Fixed,
        Some('F') => {
            flags.upper = true;
            FloatStyle::Fixed
        }
        Some('G') => {
            flags.upper = true;
            FloatStyle::General
        }
        Some('%') => {
            value *= 100.0;
            add_percent = true;
            FloatStyle::Fixed
        }
        _ => FloatStyle::General, // 'g' and 'n'
    };
    let precision = match precision {
        None => default_precision,
        Some(precision) => {
            if style == FloatStyle::Repr {
                style = FloatStyle::General;
            }
            precision
        }
    };
    let pads_to_precision = match style {
        FloatStyle::Exponent | FloatStyle::Fixed => true,
        FloatStyle::General => flags.alternate,
        FloatStyle::Repr => false,
    };
    if pads_to_precision {
        check_size(precision)?;
    }
    let mut text = double_to_string(value, style, precision, flags);
    if add_percent {
        text.push('%');
    }
    let negative = text.starts_with('-');
    let body = if negative { &text[1..] } else { &text[..] };
    let digit_count = body.bytes().take_while(u8::is_ascii_digit).count();
    let has_decimal_point = body.as_bytes().get(digit_count) == Some(&b'.');
    let remainder = &body[digit_count + usize::from(has_decimal_point)..];
    // 'n' formats with the current locale; in the C locale that is ungrouped.
    let grouping = if spec.kind == Some('n') { Grouping::None } else { spec.grouping };
    let parts = NumberParts { negative, prefix: "", digits: &body[..digit_count], has_decimal_point, remainder };
    layout_number(&parts, spec, grouping)
}

/// `format(value, spec)` for a str.
pub fn format_str(value: &str, spec: &str) -> Result<String, String> {
    format_str_for_type(value, spec, "str")
}

/// [`format_str`] for a str subclass named `type_name` (error messages only).
pub fn format_str_for_type(value: &str, spec: &str, type_name: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let spec = parse_format_spec(spec, Some('s'), '<', type_name)?;
    match spec.kind {
        Some('s') => {}
        Some(kind) => return Err(unknown_format_code_message(kind, type_name)),
        None => return Err(unknown_format_code_message('\0', type_name)),
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if spec.no_negative_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".to_string());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    if spec.align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let length = value.chars().count();
    let (text, length) = match spec.precision {
        Some(precision) if precision < length => {
            let end = value.char_indices().nth(precision).map_or(value.len(), |(index, _)| index);
            (&value[..end], precision)
        }
        _ => (value, length),
    };
    let total = spec.width.map_or(length, |width| width.max(length));
    check_size(total)?;
    let padding = total - length;
    let left = match spec.align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + padding * spec.fill.len_utf8());
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(spec.fill, padding - left));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // (value, spec, format(value, spec)) generated with python3.11; errors
    // carry CPython's exception message.
    const FLOAT_CASES: &[(f64, &str, Result<&str, &str>)] = &[
        (1.0, "", Ok("1.0")),
        (1.0, "g", Ok("1")),
        (1e+20, ".3", Ok("1e+20")),
        (123.0, ".3", Ok("1.23e+02")),
        (123.0, ".2", Ok("1.2e+02")),
        (0.0001, ".3", Ok("0.0001")),
        (1.5, "#.0f", Ok("2.")),
        (1.0, "#g", Ok("1.00000")),
        (1.0, "#", Ok("1.0")),
        (1e+16, "#", Ok("1.e+16")),
        (1e-05, "g", Ok("1e-05")),
        (100000.0, "g", Ok("100000")),
        (1000000.0, "g", Ok("1e+06")),
        (1234567.0, ",", Ok("1,234,567.0")),
        (1234567.0, "020,.2f", Ok("0,000,001,234,567.00")),
        (-1234567.0, "=+20,.2f", Ok("-       1,234,567.00")),
        (f64::INFINITY, "010", Ok("0000000inf")),
        (f64::NEG_INFINITY, "+", Ok("-inf")),
        (f64::NAN, "+.3f", Ok("+nan")),
        (f64::NAN, "E", Ok("NAN")),
        (f64::INFINITY, "%", Ok("inf%")),
        (0.5, ".0f", Ok("0")),
        (1.5, ".0f", Ok("2")),
        (2.5, ".0f", Ok("2")),
        (0.125, ".2f", Ok("0.12")),
        (0.375, ".2f", Ok("0.38")),
        (2.675, ".2f", Ok("2.67")),
        (-0.0001, ".2f", Ok("-0.00")),
        (-0.0001, "z.2f", Ok("0.00")),
        (-0.0, "z", Ok("0.0")),
        (-0.0, "", Ok("-0.0")),
        (-0.0, "z.1e", Ok("0.0e+00")),
        (0.25, "%", Ok("25.000000%")),
        (0.25, ".1%", Ok("25.0%")),
        (1e+300, ".2f", Ok("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00")),
        (1e-300, ".3e", Ok("1.000e-300")),
        (5e-324, ".20e", Ok("4.94065645841246544177e-324")),
        (4.56789, "*^12.3f", Ok("***4.568****")),
        (4.56789, "<10", Ok("4.56789   ")),
        (4.56789, "010.2f", Ok("0000004.57")),
        (-4.56789, "010.2f", Ok("-000004.57")),
        (-4.56789, " 010.2e", Ok("-04.57e+00")),
        (4.56789, " ", Ok(" 4.56789")),
        (12345.6789, "_.2f", Ok("12_345.68")),
        (12345.6789, "n", Ok("12345.7")),
        (12345.6789, ".10n", Ok("12345.6789")),
        (0.1, ".17g", Ok("0.10000000000000001")),
        (0.1, ".30f", Ok("0.100000000000000005551115123126")),
        (0.1, ".60g", Ok("0.1000000000000000055511151231257827021181583404541015625")),
        (1e+100, "f", Ok("10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000")),
        (1000000000000000.0, "", Ok("1000000000000000.0")),
        (1e+16, "", Ok("1e+16")),
        (123456789.123, "E", Ok("1.234568E+08")),
        (9.999999, ".3g", Ok("10")),
        (9.9999, ".4", Ok("10.0")),
        (1.234e-05, "", Ok("1.234e-05")),
        (1.234e-05, ".2", Ok("1.2e-05")),
        (0.0001, ".2", Ok("0.0001")),
        (99.5, ".3", Ok("99.5")),
        (1.0, ".0e", Ok("1e+00")),
        (1.0, "#.0e", Ok("1.e+00")),
        (12.0, "#.5", Ok("12.000")),
        (12.0, ".5", Ok("12.0")),
        (1234.5, "0=12,", Ok("00,001,234.5")),
        (1234.5, "0<12", Ok("1234.5000000")),
        (1234.5, "x>12,.1f", Ok("xxxxx1,234.5")),
        (1.0, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (1.0, "s", Err("Unknown format code 's' for object of type 'float'")),
        (1.0, "abc", Err("Invalid format specifier 'abc' for object of type 'float'")),
        (1.0, ",n", Err("Cannot specify ',' with 'n'.")),
        (1.0, ".3000000000f", Err("precision too big")),
        (1.0, "=^5", Ok("=1.0=")),
        (1.0, "\u{e9}<8.2F", Ok("1.00\u{e9}\u{e9}\u{e9}\u{e9}")),
        (2.5, ".0e", Ok("2e+00")),
        (3.5, ".0e", Ok("4e+00")),
        (-1e-07, "F", Ok("-0.000000")),
        (f64::INFINITY, "F", Ok("INF")),
        (1e+22, "g", Ok("1e+22")),
        (1e+22, ".22g", Ok("1e+22")),
        (123.456, "+.1%", Ok("+12345.6%")),
        (0.0, ".0%", Ok("0%")),
        (0.0, "g", Ok("0")),
        (0.0, "e", Ok("0.000000e+00")),
        (0.0, "#.3g", Ok("0.00")),
    ];
    const INT_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("0", "", Ok("0")),
        ("-5", "", Ok("-5")),
        ("1234", "08,", Ok("0,001,234")),
        ("1234", ",", Ok("1,234")),
        ("-1234567", "_", Ok("-1_234_567")),
        ("255", "#X", Ok("0XFF")),
        ("255", "#010x", Ok("0x000000ff")),
        ("-255", "#_b", Ok("-0b1111_1111")),
        ("65", "c", Ok("A")),
        ("65", "^5c", Ok("  A  ")),
        ("65", "=5c", Ok("    A")),
        ("128512", "c", Ok("\u{1f600}")),
        ("255", "x", Ok("ff")),
        ("255", "o", Ok("377")),
        ("255", "#o", Ok("0o377")),
        ("-255", "#o", Ok("-0o377")),
        ("100000000000000000000", "_x", Ok("5_6bc7_5e2d_6310_0000")),
        ("100000000000000000000", "#_X", Ok("0X5_6BC7_5E2D_6310_0000")),
        ("5", "b", Ok("101")),
        ("5", "#b", Ok("0b101")),
        ("5", "08b", Ok("00000101")),
        ("12345678", "020_b", Ok("1011_1100_0110_0001_0100_1110")),
        ("-42", "+", Ok("-42")),
        ("42", "+", Ok("+42")),
        ("42", " ", Ok(" 42")),
        ("-42", " ", Ok("-42")),
        ("42", "*<6", Ok("42****")),
        ("42", "*^7", Ok("**42***")),
        ("42", "*=+7", Ok("+****42")),
        ("-42", "07", Ok("-000042")),
        ("-42", "<07", Ok("-420000")),
        ("123456789", "n", Ok("123456789")),
        ("123456789", "e", Ok("1.234568e+08")),
        ("123456789", ".2e", Ok("1.23e+08")),
        ("123456789", ",", Ok("123,456,789")),
        ("1000000000000000000000000000000", ".3g", Ok("1e+30")),
        ("7", "%", Ok("700.000000%")),
        ("7", ".1f", Ok("7.0")),
        ("1", ".2", Err("Precision not allowed in integer format specifier")),
        ("1", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("1", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("1", "xx", Err("Invalid format specifier 'xx' for object of type 'int'")),
        ("1", ",_", Err("Cannot specify both ',' and '_'.")),
        ("1", ",x", Err("Cannot specify ',' with 'x'.")),
        ("1", "_n", Err("Cannot specify '_' with 'n'.")),
        ("1", ",c", Err("Cannot specify ',' with 'c'.")),
        ("-1", "c", Err("%c arg not in range(0x110000)")),
        ("1114112", "c", Err("%c arg not in range(0x110000)")),
        ("1180591620717411303424", "c", Err("Python int too large to convert to C long")),
        ("65", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("65", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("1", "\u{1}", Err("Unknown format code '\\x1' for object of type 'int'")),
        ("1", "\u{1234}", Err("Unknown format code '\\x1234' for object of type 'int'")),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "e", Err("int too large to convert to float")),
        ("89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608", ".3e", Ok("8.988e+307")),
        ("1", "=", Ok("1")),
        ("1", "0", Ok("1")),
        ("0", "#x", Ok("0x0")),
        ("0", "#010b", Ok("0b00000000")),
        ("10000000000000000", "_", Ok("10_000_000_000_000_000")),
        ("1", "\u{663}", Ok("  1")),
        ("1", "99999999999999999999", Err("Too many decimal digits in format string")),
        ("-123", "#<10x", Ok("-7b#######")),
        ("123456", "0=10,", Ok("00,123,456")),
    ];
    const STR_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("ab", "05", Ok("ab000")),
        ("hello", "", Ok("hello")),
        ("hello", "10", Ok("hello     ")),
        ("hello", ">10", Ok("     hello")),
        ("hello", "^10", Ok("  hello   ")),
        ("hello", "*^9", Ok("**hello**")),
        ("hello", ".2", Ok("he")),
        ("hello", "^8.3", Ok("  hel   ")),
        ("h\u{e9}llo", "\u{e9}>8", Ok("\u{e9}\u{e9}\u{e9}h\u{e9}llo")),
        ("\u{4e2d}\u{6587}\u{5b57}", "^7", Ok("  \u{4e2d}\u{6587}\u{5b57}  ")),
        ("hello", "+", Err("Sign not allowed in string format specifier")),
        ("hello", " ", Err("Space not allowed in string format specifier")),
        ("hello", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("hello", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("hello", "=5", Err("'=' alignment not allowed in string format specifier")),
        ("hello", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("hello", "s", Ok("hello")),
        ("hello", "3", Ok("hello")),
        ("", "", Ok("")),
        ("", "5", Ok("     ")),
        ("hello", ".0", Ok("")),
        ("hello", "x<7s", Ok("helloxx")),
        ("hello", ",", Err("Cannot specify ',' with 's'.")),
    ];

    #[test]
    fn float_formatting_matches_cpython() {
        for &(value, spec, expected) in FLOAT_CASES {
            let actual = format_float(value, spec);
            assert_eq!(
                actual.as_deref(),
                expected.map_err(|m| m.to_string()).as_deref(),
                "format({:e}, {:?})",
                value,
                spec
            );
        }
    }

    #[test]
    fn int_formatting_matches_cpython() {
        for &(value, spec, expected) in INT_CASES {
            let value: BigInt = value.parse().unwrap();
            let actual = format_int(&value, spec);
            assert_eq!(
                actual.as_deref(),
                expected.map_err(|m| m.to_string()).as_deref(),
                "format({}, {:?})",
                value,
                spec
            );
        }
    }

    #[test]
    fn str_formatting_matches_cpython() {
        for &(value, spec, expected) in STR_CASES {
            let actual = format_str(value, spec);
            assert_eq!(
                actual.as_deref(),
                expected.map_err(|m| m.to_string()).as_deref(),
                "format({:?}, {:?})",
                value,
                spec
            );
        }
    }

    #[test]
    fn type_names_appear_in_messages() {
        assert_eq!(
            format_int_for_type(&BigInt::from(1), "s", "bool").unwrap_err(),
            "Unknown format code 's' for object of type 'bool'"
        );
        assert_eq!(
            format_float_for_type(1.0, "xx", "MyFloat").unwrap_err(),
            "Invalid format specifier 'xx' for object of type 'MyFloat'"
        );
        assert_eq!(format_str_for_type("a", "d", "S").unwrap_err(), "Unknown format code 'd' for object of type 'S'");
    }

    #[test]
    fn huge_widths_are_memory_errors() {
        // CPython raises MemoryError for these.
        assert_eq!(format_int(&BigInt::from(1), "1000000000000000").unwrap_err(), MEMORY_ERROR);
        assert_eq!(format_float(1.5, "9223372036854775807").unwrap_err(), MEMORY_ERROR);
        assert_eq!(format_str("a", "9223372036854775807").unwrap_err(), MEMORY_ERROR);
        // A huge precision only truncates a str.
        assert_eq!(format_str("a", ".9223372036854775807").unwrap(), "a");
    }

    #[test]
    fn surrogate_characters_are_refused() {
        assert!(format_int(&BigInt::from(0xd800), "c").is_err());
    }

    #[test]
    fn int_digit_limit_matches_cpython() {
        let message = "Exceeds the limit (4300 digits) for integer string conversion; \
                       use sys.set_int_max_str_digits() to increase the limit";
        let power_of_ten = |exponent: usize| -> BigInt { num_traits::pow(BigInt::from(10), exponent) };
        let big = power_of_ten(5000);
        assert_eq!(format_int(&big, "d").unwrap_err(), message);
        assert_eq!(int_to_decimal_string(&big).unwrap_err(), message);
        assert_eq!(int_to_decimal_string(&(power_of_ten(4300) - 1)).unwrap().len(), 4300);
        assert_eq!(int_to_decimal_string(&(BigInt::from(1) - power_of_ten(4300))).unwrap().len(), 4301);
        assert_eq!(int_to_decimal_string(&power_of_ten(4300)).unwrap_err(), message);
        assert_eq!(int_to_decimal_string(&(BigInt::from(1) << 1_000_000usize)).unwrap_err(), message);
        assert!(int_to_decimal_string_with_limit(&big, 0).is_ok());
        // Hex output is not limited.
        assert_eq!(format_int(&big, "x").unwrap().len(), 4153);
    }
}
