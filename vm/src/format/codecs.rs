//! The text codecs `str.encode` and `bytes.decode` use: UTF-8, ASCII and Latin-1 with
//! the error handlers strict, ignore, replace, backslashreplace and (for encoding)
//! xmlcharrefreplace, with CPython's messages. Other codecs are not built yet.

/// Why a conversion failed; the message is CPython's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// UnicodeEncodeError.
    Encode(String),
    /// UnicodeDecodeError.
    Decode(String),
    /// LookupError: an unknown encoding or error handler.
    Lookup(String),
    /// A codec or handler CPython has that is not built yet.
    Unsupported(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
            Codec::Utf8 => 0x11_0000,
        }
    }
}

/// CPython's encoding-name normalization for the codecs built here.
fn codec(encoding: &str) -> Result<Codec, CodecError> {
    let normalized: String =
        encoding.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    match normalized.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => Ok(Codec::Latin1),
        "utf-16" | "utf-16-le" | "utf-16-be" | "utf-16le" | "utf-16be" | "utf-32" | "utf-32-le" | "utf-32-be"
        | "utf-32le" | "utf-32be" | "cp1252" | "iso-8859-15" | "utf-7" => {
            Err(CodecError::Unsupported(format!("the '{encoding}' codec is not supported yet")))
        }
        _ => Err(CodecError::Lookup(format!("unknown encoding: {encoding}"))),
    }
}

fn check_handler(errors: &str) -> Result<(), CodecError> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace" => Ok(()),
        "surrogateescape" | "surrogatepass" | "namereplace" => {
            Err(CodecError::Unsupported(format!("the '{errors}' error handler is not supported yet")))
        }
        _ => Err(CodecError::Lookup(format!("unknown error handler name '{errors}'"))),
    }
}

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, CodecError> {
    let codec = codec(encoding)?;
    if codec == Codec::Utf8 {
        return Ok(text.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < codec.limit() {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // The run of unencodable characters, as CPython reports it.
        let end = chars[i..].iter().position(|c| (*c as u32) < codec.limit()).map_or(chars.len(), |n| i + n);
        check_handler(errors)?;
        match errors {
            "strict" => {
                let what = if end - i == 1 {
                    format!("character {} in position {i}", char_repr(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                return Err(CodecError::Encode(format!(
                    "'{}' codec can't encode {what}: ordinal not in range({})",
                    codec.name(),
                    codec.limit()
                )));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    let code = c as u32;
                    let escaped = if code <= 0xff {
                        format!("\\x{code:02x}")
                    } else if code <= 0xffff {
                        format!("\\u{code:04x}")
                    } else {
                        format!("\\U{code:08x}")
                    };
                    out.extend_from_slice(escaped.as_bytes());
                }
            }
            _ => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// `'\xe9'`, as an encode error names the character.
fn char_repr(c: char) -> String {
    let code = c as u32;
    if code <= 0xff {
        format!("'\\x{code:02x}'")
    } else if code <= 0xffff {
        format!("'\\u{code:04x}'")
    } else {
        format!("'\\U{code:08x}'")
    }
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> Result<String, CodecError> {
    let codec = codec(encoding)?;
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                check_handler(errors)?;
                match errors {
                    "strict" | "xmlcharrefreplace" => {
                        return Err(CodecError::Decode(format!(
                            "'ascii' codec can't decode byte 0x{b:02x} in position {i}: ordinal not in range(128)"
                        )))
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    _ => out.push_str(&format!("\\x{b:02x}")),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => decode_utf8(data, errors),
    }
}

fn decode_utf8(data: &[u8], errors: &str) -> Result<String, CodecError> {
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                out.push_str(valid);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).expect("validated prefix"));
                let bad_len = e.error_len().unwrap_or(rest.len() - good);
                check_handler(errors)?;
                let start = offset + good;
                match errors {
                    "strict" | "xmlcharrefreplace" => {
                        let first = rest[good];
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if matches!(first, 0x80..=0xc1 | 0xf5..=0xff) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        let position = if e.error_len().is_none() && bad_len > 1 {
                            format!("bytes in position {}-{}", start, start + bad_len - 1)
                        } else {
                            format!("byte 0x{first:02x} in position {start}")
                        };
                        return Err(CodecError::Decode(format!("'utf-8' codec can't decode {position}: {reason}")));
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    _ => {
                        for b in &rest[good..good + bad_len] {
                            out.push_str(&format!("\\x{b:02x}"));
                        }
                    }
                }
                rest = &rest[good + bad_len..];
                offset = start + bad_len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_match_cpython() {
        assert_eq!(
            encode("aé", "ascii", "strict"),
            Err(CodecError::Encode(
                "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)".into()
            ))
        );
        assert_eq!(encode("aé€", "latin-1", "replace"), Ok(b"a\xe9?".to_vec()));
        assert_eq!(encode("é€", "ascii", "backslashreplace"), Ok(b"\\xe9\\u20ac".to_vec()));
        assert_eq!(
            decode(b"\xff", "utf-8", "strict"),
            Err(CodecError::Decode("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".into()))
        );
        assert_eq!(
            decode(b"a\xf0\x9f\x98", "utf8", "strict"),
            Err(CodecError::Decode("'utf-8' codec can't decode bytes in position 1-3: unexpected end of data".into()))
        );
        assert_eq!(decode(b"a\xffb", "utf-8", "replace"), Ok("a\u{fffd}b".into()));
        assert_eq!(decode(b"a\xffb", "UTF_8", "backslashreplace"), Ok("a\\xffb".into()));
        assert!(matches!(decode(b"", "klingon", "strict"), Err(CodecError::Lookup(_))));
    }
}
