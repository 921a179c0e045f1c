//! Parser for the format-spec mini-language
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, a port
//! of CPython 3.11's `parse_internal_render_format_spec`
//! (Python/formatter_unicode.c), including its error messages.

use super::unicode_tables::decimal_digit_value;

/// Which thousands separator a spec asked for (CPython's `LocaleType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// No separator.
    None,
    /// ',' every three digits.
    Comma,
    /// '_' every three digits (decimal presentations).
    Underscore,
    /// '_' every four digits (the 'b', 'o', 'x' and 'X' presentations).
    UnderscoreFour,
}

impl Grouping {
    /// The separator character and the group size, if any.
    pub fn separator_and_size(self) -> Option<(char, usize)> {
        match self {
            Grouping::None => None,
            Grouping::Comma => Some((',', 3)),
            Grouping::Underscore => Some(('_', 3)),
            Grouping::UnderscoreFour => Some(('_', 4)),
        }
    }

    fn spec_char(self) -> char {
        match self {
            Grouping::Comma => ',',
            _ => '_',
        }
    }
}

/// A parsed format spec, with defaults already applied the way CPython does
/// (so `align` is always set and `fill` is ' ' unless given or zero-padded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of '<', '>', '=', '^'.
    pub align: char,
    /// '+', '-', ' ', or `None` when not given.
    pub sign: Option<char>,
    /// The 'z' option: coerce negative zero to positive zero.
    pub no_negative_zero: bool,
    /// The '#' option.
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type, or `None` when absent and no default applies.
    pub kind: Option<char>,
}

fn is_alignment_token(ch: char) -> bool {
    matches!(ch, '<' | '>' | '=' | '^')
}

fn is_sign_element(ch: char) -> bool {
    matches!(ch, ' ' | '+' | '-')
}

/// CPython's `get_integer`: reads decimal digits (of any script) starting at
/// `*position`. Returns the number of digits consumed and the value.
fn read_integer(chars: &[char], position: &mut usize) -> Result<(usize, usize), String> {
    let mut accumulator: i64 = 0;
    let mut count = 0;
    while let Some(digit) = chars.get(*position).and_then(|&ch| decimal_digit_value(ch)) {
        let digit = digit as i64;
        if accumulator > (i64::MAX - digit) / 10 {
            return Err("Too many decimal digits in format string".to_string());
        }
        accumulator = accumulator * 10 + digit;
        *position += 1;
        count += 1;
    }
    Ok((count, accumulator as usize))
}

/// Formats a presentation-type character the way CPython's error messages do:
/// printable ASCII as itself, anything else as `\x` + lower-case hex.
pub(crate) fn presentation_char_for_message(kind: char) -> String {
    let code = kind as u32;
    if code > 32 && code < 128 {
        kind.to_string()
    } else {
        format!("\\x{:x}", code)
    }
}

/// "Unknown format code 'q' for object of type 'int'".
pub fn unknown_format_code_message(kind: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{}'",
        presentation_char_for_message(kind),
        truncate_chars(type_name, 200)
    )
}

pub(crate) fn truncate_chars(text: &str, limit: usize) -> &str {
    match text.char_indices().nth(limit) {
        Some((index, _)) => &text[..index],
        None => text,
    }
}

/// Parses `spec` for an object whose type is `type_name` (used in error
/// messages). `default_kind` and `default_align` are the per-type defaults:
/// int uses `Some('d')`/'>', float `None`/'>', str `Some('s')`/'<'.
pub fn parse_format_spec(
    spec: &str,
    default_kind: Option<char>,
    default_align: char,
    type_name: &str,
) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut position = 0;
    let mut result = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_negative_zero: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        kind: default_kind,
    };
    let mut align_specified = false;
    let mut fill_specified = false;

    if end >= 2 && is_alignment_token(chars[1]) {
        result.align = chars[1];
        result.fill = chars[0];
        fill_specified = true;
        align_specified = true;
        position = 2;
    } else if end >= 1 && is_alignment_token(chars[0]) {
        result.align = chars[0];
        align_specified = true;
        position = 1;
    }

    if position < end && is_sign_element(chars[position]) {
        result.sign = Some(chars[position]);
        position += 1;
    }
    if position < end && chars[position] == 'z' {
        result.no_negative_zero = true;
        position += 1;
    }
    if position < end && chars[position] == '#' {
        result.alternate = true;
        position += 1;
    }
    // The special case for 0-padding (backwards compatibility).
    if !fill_specified && position < end && chars[position] == '0' {
        result.fill = '0';
        if !align_specified && default_align == '>' {
            result.align = '=';
        }
        position += 1;
    }

    let (consumed, width) = read_integer(&chars, &mut position)?;
    if consumed > 0 {
        result.width = Some(width);
    }

    if position < end && chars[position] == ',' {
        result.grouping = Grouping::Comma;
        position += 1;
    }
    if position < end && chars[position] == '_' {
        if result.grouping != Grouping::None {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        result.grouping = Grouping::Underscore;
        position += 1;
    }
    if position < end && chars[position] == ',' && result.grouping == Grouping::Underscore {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }

    if position < end && chars[position] == '.' {
        position += 1;
        let (consumed, precision) = read_integer(&chars, &mut position)?;
        if consumed == 0 {
            return Err("Format specifier missing precision".to_string());
        }
        result.precision = Some(precision);
    }

    if end - position > 1 {
        return Err(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec,
            truncate_chars(type_name, 200)
        ));
    }
    if end - position == 1 {
        result.kind = Some(chars[position]);
    }

    if result.grouping != Grouping::None {
        match result.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if result.grouping == Grouping::Underscore => {
                result.grouping = Grouping::UnderscoreFour;
            }
            Some(kind) => {
                return Err(format!(
                    "Cannot specify '{}' with '{}'.",
                    result.grouping.spec_char(),
                    presentation_char_for_message(kind)
                ));
            }
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_int_spec(spec: &str) -> Result<FormatSpec, String> {
        parse_format_spec(spec, Some('d'), '>', "int")
    }

    #[test]
    fn parses_every_field() {
        let spec = parse_int_spec("*^+z#012,.3f").unwrap();
        assert_eq!(spec.fill, '*');
        assert_eq!(spec.align, '^');
        assert_eq!(spec.sign, Some('+'));
        assert!(spec.no_negative_zero);
        assert!(spec.alternate);
        // An explicit fill wins over the '0' flag, which is then the width's first digit.
        assert_eq!(spec.width, Some(12));
        assert_eq!(spec.grouping, Grouping::Comma);
        assert_eq!(spec.precision, Some(3));
        assert_eq!(spec.kind, Some('f'));
    }

    #[test]
    fn zero_flag_sets_fill_and_align() {
        let spec = parse_int_spec("08").unwrap();
        assert_eq!((spec.fill, spec.align, spec.width), ('0', '=', Some(8)));
        let spec = parse_int_spec("<08").unwrap();
        assert_eq!((spec.fill, spec.align, spec.width), ('0', '<', Some(8)));
        let spec = parse_format_spec("05", Some('s'), '<', "str").unwrap();
        assert_eq!((spec.fill, spec.align), ('0', '<'));
    }

    #[test]
    fn fill_can_be_an_alignment_character() {
        let spec = parse_int_spec("<<5").unwrap();
        assert_eq!((spec.fill, spec.align, spec.width), ('<', '<', Some(5)));
        let spec = parse_int_spec("é>5").unwrap();
        assert_eq!((spec.fill, spec.align), ('é', '>'));
    }

    #[test]
    fn unicode_digits_are_accepted_in_width() {
        // format(5, '\u0663') == '  5' in CPython.
        assert_eq!(parse_int_spec("\u{663}").unwrap().width, Some(3));
    }

    #[test]
    fn underscore_grouping_for_hex_is_four_digits() {
        assert_eq!(parse_int_spec("_x").unwrap().grouping, Grouping::UnderscoreFour);
        assert_eq!(parse_int_spec("_d").unwrap().grouping, Grouping::Underscore);
    }

    #[test]
    fn errors_match_cpython() {
        // Messages from python3.11.
        let cases: &[(&str, &str)] = &[
            ("xx", "Invalid format specifier 'xx' for object of type 'int'"),
            (",_", "Cannot specify both ',' and '_'."),
            ("_,", "Cannot specify both ',' and '_'."),
            (",x", "Cannot specify ',' with 'x'."),
            ("_n", "Cannot specify '_' with 'n'."),
            (",c", "Cannot specify ',' with 'c'."),
            (",é", "Cannot specify ',' with '\\xe9'."),
            (".", "Format specifier missing precision"),
            ("99999999999999999999", "Too many decimal digits in format string"),
            (".99999999999999999999", "Too many decimal digits in format string"),
        ];
        for &(spec, message) in cases {
            assert_eq!(parse_int_spec(spec).unwrap_err(), message, "spec {:?}", spec);
        }
        assert_eq!(unknown_format_code_message('\u{1}', "int"), "Unknown format code '\\x1' for object of type 'int'");
        assert_eq!(
            unknown_format_code_message('\u{1234}', "int"),
            "Unknown format code '\\x1234' for object of type 'int'"
        );
        assert_eq!(unknown_format_code_message(' ', "float"), "Unknown format code '\\x20' for object of type 'float'");
    }

    #[test]
    fn largest_width_is_accepted() {
        assert_eq!(parse_int_spec("9223372036854775807").unwrap().width, Some(9223372036854775807));
    }
}
