//! Python's `repr(str)`, a port of CPython 3.11's `unicode_repr`: quote choice,
//! backslash escapes, and hex escapes for characters that `str.isprintable()`
//! rejects. Printability comes from tables generated from CPython 3.11
//! (Unicode 14.0), so the output is exact, not approximate.

use super::unicode_tables::is_printable;

/// Python's `repr()` of a `str`.
///
/// Single quotes are used unless the text contains `'` and no `"`. Backslash
/// and the chosen quote are escaped; `\t`, `\n`, `\r` use their short escapes;
/// other ASCII control characters and DEL become `\xNN`; non-ASCII characters
/// that are not printable become `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn str_repr(text: &str) -> String {
    let has_single = text.contains('\'');
    let has_double = text.contains('"');
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if ch == quote => {
                out.push('\\');
                out.push(ch);
            }
            _ if (ch as u32) < 0x20 || ch as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", ch as u32));
            }
            _ if (ch as u32) < 0x7f || is_printable(ch) => out.push(ch),
            _ => {
                let code = ch as u32;
                if code <= 0xff {
                    out.push_str(&format!("\\x{:02x}", code));
                } else if code <= 0xffff {
                    out.push_str(&format!("\\u{:04x}", code));
                } else {
                    out.push_str(&format!("\\U{:08x}", code));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`: `b'...'`, in double quotes when the bytes hold a single quote and no
/// double one; `\t`, `\n`, `\r`, `\\` and `\xhh` for the rest outside printable ASCII.
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython() {
        // Expected text from python3.11 repr().
        let cases: &[(&str, &str)] = &[
            ("", "''"),
            ("abc", "'abc'"),
            ("it's", "\"it's\""),
            ("say \"hi\"", "'say \"hi\"'"),
            ("both ' and \"", "'both \\' and \"'"),
            ("back\\slash", "'back\\\\slash'"),
            ("tab\there\nnew\rret", "'tab\\there\\nnew\\rret'"),
            ("\x00\x01\x1b\x1f\x7f", "'\\x00\\x01\\x1b\\x1f\\x7f'"),
            ("\u{80}\u{9f}\u{a0}\u{ad}", "'\\x80\\x9f\\xa0\\xad'"),
            ("caf\u{e9} \u{4e2d}\u{6587} \u{1f600}", "'caf\u{e9} \u{4e2d}\u{6587} \u{1f600}'"),
            ("\u{2028}\u{200b}\u{feff}\u{3000}", "'\\u2028\\u200b\\ufeff\\u3000'"),
            ("\u{e000}\u{378}", "'\\ue000\\u0378'"),
            ("\u{10fffd}\u{e0001}\u{1f000}", "'\\U0010fffd\\U000e0001\u{1f000}'"),
            ("\u{1d7ce}", "'\u{1d7ce}'"),
            ("'", "\"'\""),
            ("\"", "'\"'"),
            ("'\"", "'\\'\"'"),
        ];
        for &(input, expected) in cases {
            assert_eq!(str_repr(input), expected, "repr of {:?}", input);
        }
    }
}
