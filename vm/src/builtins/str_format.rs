//! `str.format`: the replacement-field parser of PEP 3101, following CPython's
//! `unicode_format.h` (MarkupIterator, parse_field, field_name_split) so that the
//! same templates succeed and the same ones fail with the same messages.
//!
//! Fields: `{}` (automatic numbering), `{0}`, `{name}`, followed by `.attr` and
//! `[key]` lookups, an optional `!r`/`!s`/`!a` conversion and a `:spec` that may
//! itself contain replacement fields (one level deep).

use crate::builtins::args::{kw_name, receiver};
use crate::builtins::functions::ascii_escape;
use crate::builtins::values::as_str;
use crate::heap::Handle;
use crate::objects::function::Args;
use crate::objects::new;
use crate::objects::str::StrData;
use crate::ops;
use crate::runtime::errors::{index_error, key_error, value_error};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// CPython's auto-numbering state.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unknown,
    Auto,
    Manual,
}

struct AutoNumber {
    state: Numbering,
    next: usize,
}

/// A parsed replacement field (byte ranges into the template).
struct Field<'t> {
    name: &'t str,
    conversion: Option<char>,
    spec: &'t str,
    spec_needs_expanding: bool,
}

pub(crate) fn str_format(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = receiver::<StrData>(args, "str", "format")?;
    let mut auto = AutoNumber { state: Numbering::Unknown, next: 0 };
    let out = build_string(vm, &data.value, &rest, 2, &mut auto)?;
    Ok(new::string(out))
}

fn build_string(vm: &mut Vm, template: &str, args: &Args<'_>, depth: i32, auto: &mut AutoNumber) -> PyResult<String> {
    if depth <= 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let bytes = template.as_bytes();
    let end = bytes.len();
    let mut out = String::with_capacity(template.len());
    let mut pos = 0;
    while pos < end {
        // Literal text up to a brace.
        let start = pos;
        let mut c = 0u8;
        let mut markup_follows = false;
        while pos < end {
            c = bytes[pos];
            pos += 1;
            if c == b'{' || c == b'}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if markup_follows && c == b'}' && (at_end || bytes[pos] != b'}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if markup_follows && at_end && c == b'{' {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if markup_follows && !at_end {
            if bytes[pos] == c {
                // An escaped brace: the literal keeps one of the two.
                pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        out.push_str(&template[start..start + len]);
        if !markup_follows {
            continue;
        }
        let field = parse_field(template, &mut pos)?;
        output_markup(vm, &field, args, depth, auto, &mut out)?;
    }
    Ok(out)
}

/// Parses a field starting just after its `{`; leaves `pos` after the closing `}`.
fn parse_field<'t>(template: &'t str, pos: &mut usize) -> PyResult<Field<'t>> {
    let bytes = template.as_bytes();
    let end = bytes.len();
    let name_start = *pos;
    let mut c = 0u8;
    while *pos < end {
        c = bytes[*pos];
        *pos += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            b'[' => {
                while *pos < end && bytes[*pos] != b']' {
                    *pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => break,
            _ => continue,
        }
    }
    if c != b'!' && c != b':' {
        if c != b'}' {
            return Err(value_error("expected '}' before end of string"));
        }
        return Ok(Field {
            name: &template[name_start..*pos - 1],
            conversion: None,
            spec: "",
            spec_needs_expanding: false,
        });
    }
    let name = &template[name_start..*pos - 1];
    let mut conversion = None;
    if c == b'!' {
        if *pos >= end {
            return Err(value_error("end of string while looking for conversion specifier"));
        }
        let ch = template[*pos..].chars().next().expect("a char");
        *pos += ch.len_utf8();
        conversion = Some(ch);
        if *pos < end {
            let next = bytes[*pos];
            *pos += 1;
            if next == b'}' {
                return Ok(Field { name, conversion, spec: "", spec_needs_expanding: false });
            }
            if next != b':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut count = 1;
    let mut spec_needs_expanding = false;
    while *pos < end {
        let b = bytes[*pos];
        *pos += 1;
        match b {
            b'{' => {
                spec_needs_expanding = true;
                count += 1;
            }
            b'}' => {
                count -= 1;
                if count == 0 {
                    return Ok(Field { name, conversion, spec: &template[spec_start..*pos - 1], spec_needs_expanding });
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

/// A decimal index, None when the text is not all digits (or is empty).
fn get_integer(text: &str) -> PyResult<Option<usize>> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut value: usize = 0;
    for ch in text.chars() {
        let digit = match crate::format::decimal_digit_value(ch) {
            Some(d) => d as usize,
            None => return Ok(None),
        };
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(digit))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(value))
}

/// Resolves a field name (`0`, `name`, ``, followed by `.attr` / `[key]`) to a value.
fn get_field_object(vm: &mut Vm, name: &str, args: &Args<'_>, auto: &mut AutoNumber) -> PyResult<Handle> {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(split);
    let mut index = get_integer(first)?;
    let is_empty = first.is_empty();
    let numeric = is_empty || index.is_some();
    if auto.state == Numbering::Unknown && numeric {
        auto.state = if is_empty { Numbering::Auto } else { Numbering::Manual };
    }
    if numeric {
        if auto.state == Numbering::Manual && is_empty {
            return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        if auto.state == Numbering::Auto && !is_empty {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
    }
    if is_empty {
        index = Some(auto.next);
        auto.next += 1;
    }
    let mut obj = match index {
        Some(i) => match args.pos().get(i) {
            Some(v) => Handle::new(*v),
            None => return Err(index_error(format!("Replacement index {i} out of range for positional args tuple"))),
        },
        None => match args.kw().find(|(k, _)| kw_name(*k) == first) {
            Some((_, v)) => Handle::new(v),
            None => return Err(key_error(new::str(first))),
        },
    };
    while !rest.is_empty() {
        let c = rest.as_bytes()[0];
        rest = &rest[1..];
        match c {
            b'.' => {
                let stop = rest.find(['.', '[']).unwrap_or(rest.len());
                let attr = &rest[..stop];
                rest = &rest[stop..];
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let value = vm.get_attr(obj.get(), new::intern(attr))?;
                obj = Handle::new(value);
            }
            b'[' => {
                let Some(close) = rest.find(']') else {
                    return Err(value_error("Missing ']' in format string"));
                };
                let key_text = &rest[..close];
                rest = &rest[close + 1..];
                if key_text.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let key = match get_integer(key_text)? {
                    Some(i) => new::int(i as i64),
                    None => new::str(key_text),
                };
                let key = Handle::new(key);
                let value = ops::getitem(vm, obj.get(), key.get())?;
                obj = Handle::new(value);
            }
            _ => {
                return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        }
    }
    Ok(obj)
}

fn output_markup(
    vm: &mut Vm,
    field: &Field<'_>,
    args: &Args<'_>,
    depth: i32,
    auto: &mut AutoNumber,
    out: &mut String,
) -> PyResult<()> {
    let mut obj = get_field_object(vm, field.name, args, auto)?;
    if let Some(conversion) = field.conversion {
        let converted = match conversion {
            'r' => ops::repr(vm, obj.get())?,
            's' => ops::str(vm, obj.get())?,
            'a' => {
                let text = ops::repr_string(vm, obj.get())?;
                new::string(ascii_escape(&text))
            }
            other => {
                let code = other as u32;
                return Err(value_error(if code > 32 && code < 127 {
                    format!("Unknown conversion specifier {other}")
                } else {
                    format!("Unknown conversion specifier \\x{code:x}")
                }));
            }
        };
        obj = Handle::new(converted);
    }
    let expanded;
    let spec = if field.spec_needs_expanding {
        expanded = build_string(vm, field.spec, args, depth - 1, auto)?;
        expanded.as_str()
    } else {
        field.spec
    };
    // Exact strs with an empty spec need no formatting call.
    if spec.is_empty() {
        if let Some(text) = as_str(obj.get()) {
            if crate::runtime::types::type_of(obj.get()) == crate::runtime::types::types().str_ {
                out.push_str(text);
                return Ok(());
            }
        }
    }
    let formatted = ops::format(vm, obj.get(), spec)?;
    match as_str(formatted) {
        Some(text) => out.push_str(text),
        None => out.push_str(&ops::str_string(vm, formatted)?),
    }
    Ok(())
}
