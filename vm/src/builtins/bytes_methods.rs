//! bytes and bytearray: their constructors, the methods they share (searching,
//! splitting, stripping, case, `hex`/`fromhex`, `decode`), bytearray's mutators, and
//! `str.encode`, `int.to_bytes` and `int.from_bytes`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use crate::builtins::args::{check_count, no_args, parse, split_self};
use crate::builtins::constructors::new_receiver;
use crate::builtins::values::{as_str, index_bigint, lookup_special, slice_index, to_bigint};
use crate::format::{self, CodecError};
use crate::heap::Handle;
use crate::objects::bytes::ByteArrayData;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::tuple::TupleData;
use crate::ops;
use crate::ops::bytes::{byte_value, bytes_from_iterable, bytes_of, find, rfind, same_kind};
use crate::runtime::errors::{index_error, overflow_error, type_error, value_error, ExcType, PyErr};
use crate::runtime::types::{bool_value, none, type_name_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// Methods bytes and bytearray share.
pub(crate) const SHARED_METHODS: &[(&str, BuiltinFn)] = &[
    ("count", bytes_count),
    ("find", bytes_find),
    ("rfind", bytes_rfind),
    ("index", bytes_index),
    ("rindex", bytes_rindex),
    ("startswith", bytes_startswith),
    ("endswith", bytes_endswith),
    ("hex", bytes_hex),
    ("decode", bytes_decode),
    ("join", bytes_join),
    ("split", bytes_split),
    ("strip", bytes_strip),
    ("lstrip", bytes_lstrip),
    ("rstrip", bytes_rstrip),
    ("replace", bytes_replace),
    ("upper", bytes_upper),
    ("lower", bytes_lower),
    ("isdigit", bytes_isdigit),
    ("isalpha", bytes_isalpha),
    ("isalnum", bytes_isalnum),
    ("isspace", bytes_isspace),
];

pub(crate) const BYTEARRAY_METHODS: &[(&str, BuiltinFn)] = &[
    ("append", bytearray_append),
    ("extend", bytearray_extend),
    ("pop", bytearray_pop),
    ("insert", bytearray_insert),
    ("remove", bytearray_remove),
    ("clear", bytearray_clear),
    ("copy", bytearray_copy),
    ("reverse", bytearray_reverse),
];

fn type_label(v: StackRef) -> &'static str {
    if v.kind() == Kind::ByteArray {
        "bytearray"
    } else {
        "bytes"
    }
}

/// The receiver of a shared method, its bytes (a copy), and the other arguments.
fn this<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, Vec<u8>, Args<'a>)> {
    let (this, rest) = split_self(args, "bytes", method)?;
    let data = bytes_of(this).ok_or_else(|| {
        type_error(format!("descriptor '{method}' requires a 'bytes' object but received a '{}'", type_name_of(this)))
    })?;
    Ok((this, data, rest))
}

fn array(v: StackRef) -> &'static ByteArrayData {
    v.downcast::<ByteArrayData>().expect("a bytearray")
}

fn this_array<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, Args<'a>)> {
    let (this, rest) = split_self(args, "bytearray", method)?;
    if this.kind() != Kind::ByteArray {
        return Err(type_error(format!(
            "descriptor '{method}' requires a 'bytearray' object but received a '{}'",
            type_name_of(this)
        )));
    }
    Ok((this, rest))
}

/// A bytes-like argument (TypeError naming what was given otherwise).
fn bytes_arg(v: StackRef) -> PyResult<Vec<u8>> {
    bytes_of(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name_of(v))))
}

/// `(sub[, start[, end]])` where sub is bytes-like or an int, with the clamped range.
fn sub_and_range(vm: &mut Vm, name: &str, len: usize, rest: &Args<'_>) -> PyResult<(Vec<u8>, usize, usize, bool)> {
    let pos = rest.pos();
    check_count(name, pos.len(), 1, 3)?;
    let sub = match bytes_of(pos[0]) {
        Some(b) => b,
        None if to_bigint(pos[0]).is_some() || lookup_special(pos[0], "__index__").is_some() => {
            vec![byte_value(vm, pos[0])?]
        }
        None => {
            return Err(type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                type_name_of(pos[0])
            )))
        }
    };
    let start = slice_index(vm, pos.get(1).copied())?;
    let end = slice_index(vm, pos.get(2).copied())?;
    let n = len as i64;
    let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let (start, end) = (clamp(start.unwrap_or(0)), clamp(end.unwrap_or(n)));
    Ok((sub, start as usize, end as usize, start <= end))
}

fn bytes_count(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this(args, "count")?;
    let (sub, start, end, ok) = sub_and_range(vm, "count", data.len(), &rest)?;
    if !ok {
        return Ok(new::int(0));
    }
    if sub.is_empty() {
        return Ok(new::int((end - start + 1) as i64));
    }
    let (mut count, mut i) = (0, start);
    while let Some(p) = find(&data, &sub, i, end) {
        count += 1;
        i = p + sub.len();
    }
    Ok(new::int(count))
}

fn search(vm: &mut Vm, args: Args<'_>, name: &str, from_right: bool) -> PyResult<Option<usize>> {
    let (_, data, rest) = this(args, name)?;
    let (sub, start, end, ok) = sub_and_range(vm, name, data.len(), &rest)?;
    if !ok {
        return Ok(None);
    }
    Ok(if from_right { rfind(&data, &sub, start, end) } else { find(&data, &sub, start, end) })
}

fn bytes_find(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::int(search(vm, args, "find", false)?.map_or(-1, |i| i as i64)))
}

fn bytes_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::int(search(vm, args, "rfind", true)?.map_or(-1, |i| i as i64)))
}

fn bytes_index(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    search(vm, args, "index", false)?.map(|i| new::int(i as i64)).ok_or_else(|| value_error("subsection not found"))
}

fn bytes_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    search(vm, args, "rindex", true)?.map(|i| new::int(i as i64)).ok_or_else(|| value_error("subsection not found"))
}

fn affix(vm: &mut Vm, args: Args<'_>, name: &str, at_end: bool) -> PyResult<StackRef> {
    let (_, data, rest) = this(args, name)?;
    let pos = rest.pos();
    check_count(name, pos.len(), 1, 3)?;
    let n = data.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = clamp(slice_index(vm, pos.get(1).copied())?.unwrap_or(0)) as usize;
    let end = clamp(slice_index(vm, pos.get(2).copied())?.unwrap_or(n)) as usize;
    let candidates: Vec<StackRef> = match pos[0].downcast::<TupleData>() {
        Some(t) => t.items.to_vec(),
        None => vec![pos[0]],
    };
    for c in candidates {
        let Some(affix) = bytes_of(c) else {
            return Err(type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                type_name_of(c)
            )));
        };
        if start > end || end - start < affix.len() {
            continue;
        }
        let window = &data[start..end];
        if (at_end && window.ends_with(&affix)) || (!at_end && window.starts_with(&affix)) {
            return Ok(bool_value(true));
        }
    }
    Ok(bool_value(false))
}

fn bytes_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    affix(vm, args, "startswith", false)
}

fn bytes_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    affix(vm, args, "endswith", true)
}

/// `b.hex([sep[, bytes_per_sep]])`: groups are counted from the right (from the left
/// for a negative bytes_per_sep).
fn bytes_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this(args, "hex")?;
    let [sep, per] = parse("hex", &rest, ["sep", "bytes_per_sep"], 0, 0, 2)?;
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else { return Ok(new::string(digits.concat())) };
    let sep = match (as_str(sep), bytes_of(sep)) {
        (Some(s), _) => s.to_string(),
        (None, Some(b)) => b.iter().map(|&c| c as char).collect(),
        _ => return Err(type_error("sep must be str or bytes.")),
    };
    if sep.chars().count() != 1 {
        return Err(value_error("sep must be length 1."));
    }
    let per = match per {
        None => 1,
        Some(p) => index_bigint(vm, p)?.try_into().unwrap_or(i64::MAX),
    };
    if per == 0 || digits.is_empty() {
        return Ok(new::string(digits.concat()));
    }
    let group = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = digits.len() % group;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        groups.extend(digits[first..].chunks(group).map(|c| c.concat()));
    } else {
        groups.extend(digits.chunks(group).map(|c| c.concat()));
    }
    Ok(new::string(groups.join(&sep)))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: pairs of hex digits, spaces between.
pub(crate) fn fromhex(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let pos = args.pos();
    check_count("fromhex", pos.len().saturating_sub(1), 1, 1)?;
    let (cls, text) = (pos[0], pos[1]);
    let Some(text) = as_str(text) else {
        return Err(type_error(format!("fromhex() argument must be str, not {}", type_name_of(text))));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let high = chars[i].to_digit(16);
        let low = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (high, low) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)))
            }
            _ => return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"))),
        }
        i += 2;
    }
    Ok(if cls == types().bytearray { new::bytearray(out) } else { new::bytes(out) })
}

fn codec_error(e: CodecError) -> PyErr {
    match e {
        CodecError::Encode(m) => PyErr::new(ExcType::UnicodeEncodeError, m),
        CodecError::Decode(m) => PyErr::new(ExcType::UnicodeDecodeError, m),
        CodecError::Lookup(m) => PyErr::new(ExcType::LookupError, m),
        CodecError::Unsupported(m) => PyErr::new(ExcType::NotImplementedError, m),
    }
}

/// `encoding` and `errors` arguments, defaulting to utf-8 and strict.
fn codec_args(fname: &str, encoding: Option<StackRef>, errors: Option<StackRef>) -> PyResult<(String, String)> {
    let text = |v: Option<StackRef>, name: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => as_str(v)
                .map(str::to_string)
                .ok_or_else(|| type_error(format!("{fname}() argument '{name}' must be str, not {}", type_name_of(v)))),
        }
    };
    Ok((text(encoding, "encoding", "utf-8")?, text(errors, "errors", "strict")?))
}

fn bytes_decode(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this(args, "decode")?;
    let [encoding, errors] = parse("decode", &rest, ["encoding", "errors"], 0, 0, 2)?;
    let (encoding, errors) = codec_args("decode", encoding, errors)?;
    format::decode(&data, &encoding, &errors).map(new::string).map_err(codec_error)
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(crate) fn str_encode(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = split_self(args, "str", "encode")?;
    let Some(text) = as_str(this) else {
        return Err(type_error(format!(
            "descriptor 'encode' for 'str' objects doesn't apply to a '{}' object",
            type_name_of(this)
        )));
    };
    let [encoding, errors] = parse("encode", &rest, ["encoding", "errors"], 0, 0, 2)?;
    let (encoding, errors) = codec_args("encode", encoding, errors)?;
    format::encode(text, &encoding, &errors).map(new::bytes).map_err(codec_error)
}

fn bytes_join(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, sep, rest) = this(args, "join")?;
    let pos = rest.pos();
    check_count("join", pos.len(), 1, 1)?;
    let items = ops::collect(vm, pos[0])?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_of(item.get()) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name_of(item.get())
                )))
            }
        }
    }
    Ok(same_kind(this, out))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn bytes_split(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this(args, "split")?;
    let [sep, maxsplit] = parse("split", &rest, ["sep", "maxsplit"], 0, 0, 2)?;
    let maxsplit = match maxsplit {
        None => -1,
        Some(m) => index_bigint(vm, m)?.try_into().unwrap_or(i64::MAX),
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let sep = sep.filter(|s| *s != none()).map(bytes_arg).transpose()?;
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let mut start = 0;
            while maxsplit < 0 || (parts.len() as i64) < maxsplit {
                match find(&data, &sep, start, data.len()) {
                    Some(p) => {
                        parts.push(data[start..p].to_vec());
                        start = p + sep.len();
                    }
                    None => break,
                }
            }
            parts.push(data[start..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < data.len() && is_space(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                    // The rest keeps its trailing whitespace, as CPython's split does.
                    parts.push(data[i..].to_vec());
                    break;
                }
                let start = i;
                while i < data.len() && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(data[start..i].to_vec());
            }
        }
    }
    // Each part is counted as soon as it exists: making the next one may collect.
    let handles: Vec<Handle> = parts.into_iter().map(|p| Handle::new(same_kind(this, p))).collect();
    Ok(new::list(handles.iter().map(Handle::get).collect()))
}

fn strip_common(args: Args<'_>, name: &str, left: bool, right: bool) -> PyResult<StackRef> {
    let (this, data, rest) = this(args, name)?;
    let pos = rest.pos();
    check_count(name, pos.len(), 0, 1)?;
    let chars = match pos.first().filter(|c| **c != none()) {
        Some(c) => Some(bytes_arg(*c)?),
        None => None,
    };
    let strip = |b: u8| chars.as_ref().map_or(is_space(b), |c| c.contains(&b));
    let mut start = 0;
    let mut end = data.len();
    if left {
        while start < end && strip(data[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(data[end - 1]) {
            end -= 1;
        }
    }
    Ok(same_kind(this, data[start..end].to_vec()))
}

fn bytes_strip(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    strip_common(args, "strip", true, true)
}

fn bytes_lstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    strip_common(args, "lstrip", true, false)
}

fn bytes_rstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    strip_common(args, "rstrip", false, true)
}

fn bytes_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this(args, "replace")?;
    let pos = rest.pos();
    check_count("replace", pos.len(), 2, 3)?;
    let (old, new_bytes) = (bytes_arg(pos[0])?, bytes_arg(pos[1])?);
    let mut remaining = match pos.get(2) {
        None => i64::MAX,
        Some(c) => index_bigint(vm, *c)?.try_into().unwrap_or(i64::MAX),
    };
    if remaining < 0 {
        remaining = i64::MAX;
    }
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        for (i, b) in data.iter().enumerate() {
            if (i as i64) < remaining {
                out.extend_from_slice(&new_bytes);
            }
            out.push(*b);
        }
        if (data.len() as i64) < remaining {
            out.extend_from_slice(&new_bytes);
        }
        return Ok(same_kind(this, out));
    }
    let mut i = 0;
    while remaining > 0 {
        match find(&data, &old, i, data.len()) {
            Some(p) => {
                out.extend_from_slice(&data[i..p]);
                out.extend_from_slice(&new_bytes);
                i = p + old.len();
                remaining -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[i..]);
    Ok(same_kind(this, out))
}

fn bytes_upper(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this(args, "upper")?;
    no_args(&format!("{}.upper", type_label(this)), &rest)?;
    Ok(same_kind(this, data.to_ascii_uppercase()))
}

fn bytes_lower(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this(args, "lower")?;
    no_args(&format!("{}.lower", type_label(this)), &rest)?;
    Ok(same_kind(this, data.to_ascii_lowercase()))
}

fn predicate(args: Args<'_>, name: &str, test: fn(&u8) -> bool) -> PyResult<StackRef> {
    let (this, data, rest) = this(args, name)?;
    no_args(&format!("{}.{name}", type_label(this)), &rest)?;
    Ok(bool_value(!data.is_empty() && data.iter().all(test)))
}

fn bytes_isdigit(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate(args, "isdigit", u8::is_ascii_digit)
}

fn bytes_isalpha(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate(args, "isalpha", u8::is_ascii_alphabetic)
}

fn bytes_isalnum(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate(args, "isalnum", u8::is_ascii_alphanumeric)
}

fn bytes_isspace(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate(args, "isspace", |b| is_space(*b))
}

fn bytearray_append(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = this_array(args, "append")?;
    check_count("append", rest.pos().len(), 1, 1)?;
    let byte = byte_value(vm, rest.pos()[0])?;
    array(this).value.borrow_mut().push(byte);
    Ok(none())
}

fn bytearray_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = this_array(args, "extend")?;
    check_count("extend", rest.pos().len(), 1, 1)?;
    let source = rest.pos()[0];
    let data = match bytes_of(source) {
        Some(b) => b,
        None if source.kind() == Kind::Str => {
            return Err(type_error("expected iterable of integers; got: 'str'"));
        }
        None => bytes_from_iterable(vm, source)?,
    };
    array(this).value.borrow_mut().extend_from_slice(&data);
    Ok(none())
}

fn bytearray_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = this_array(args, "pop")?;
    check_count("pop", rest.pos().len(), 0, 1)?;
    let mut data = array(this).value.borrow_mut();
    if data.is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    let index = match rest.pos().first() {
        None => -1,
        Some(i) => {
            drop(data);
            let i = index_bigint(vm, *i)?.try_into().unwrap_or(i64::MAX);
            data = array(this).value.borrow_mut();
            i
        }
    };
    let n = data.len() as i64;
    let at = if index < 0 { index + n } else { index };
    if at < 0 || at >= n {
        return Err(index_error("pop index out of range"));
    }
    Ok(new::int(data.remove(at as usize) as i64))
}

fn bytearray_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = this_array(args, "insert")?;
    check_count("insert", rest.pos().len(), 2, 2)?;
    let index: i64 = index_bigint(vm, rest.pos()[0])?.try_into().unwrap_or(i64::MAX);
    let byte = byte_value(vm, rest.pos()[1])?;
    let mut data = array(this).value.borrow_mut();
    let n = data.len() as i64;
    let at = if index < 0 { (index + n).max(0) } else { index.min(n) };
    data.insert(at as usize, byte);
    Ok(none())
}

fn bytearray_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = this_array(args, "remove")?;
    check_count("remove", rest.pos().len(), 1, 1)?;
    let byte = byte_value(vm, rest.pos()[0])?;
    let mut data = array(this).value.borrow_mut();
    match data.iter().position(|b| *b == byte) {
        Some(p) => {
            data.remove(p);
            Ok(none())
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn bytearray_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = this_array(args, "clear")?;
    no_args("bytearray.clear", &rest)?;
    array(this).value.borrow_mut().clear();
    Ok(none())
}

fn bytearray_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = this_array(args, "copy")?;
    no_args("bytearray.copy", &rest)?;
    Ok(new::bytearray(array(this).value.borrow().clone()))
}

fn bytearray_reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = this_array(args, "reverse")?;
    no_args("bytearray.reverse", &rest)?;
    array(this).value.borrow_mut().reverse();
    Ok(none())
}

/// The bytes `bytes(source, encoding, errors)` and `bytearray(...)` hold.
fn construct(vm: &mut Vm, name: &str, rest: &Args<'_>) -> PyResult<Vec<u8>> {
    let [source, encoding, errors] = parse(name, rest, ["source", "encoding", "errors"], 0, 0, 3)?;
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if let Some(text) = as_str(source) {
        if encoding.is_none() {
            return Err(type_error("string argument without an encoding"));
        }
        let (encoding, errors) = codec_args(name, encoding, errors)?;
        return format::encode(text, &encoding, &errors).map_err(codec_error);
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    if name == "bytes" {
        if let Some(method) = lookup_special(source, "__bytes__") {
            let result = vm.call(method, &[source])?;
            if result.kind() != Kind::Bytes {
                return Err(type_error(format!("__bytes__ returned non-bytes (type {})", type_name_of(result))));
            }
            return Ok(bytes_of(result).unwrap_or_default());
        }
    }
    if let Some(b) = bytes_of(source) {
        return Ok(b);
    }
    if to_bigint(source).is_some() || lookup_special(source, "__index__").is_some() {
        let n = index_bigint(vm, source)?;
        if n.is_negative() {
            return Err(value_error("negative count"));
        }
        let n: usize = n.try_into().map_err(|_| overflow_error("cannot fit 'int' into an index-sized integer"))?;
        if n as u128 > crate::ops::MAX_REPEAT_SIZE {
            return Err(PyErr::bare(ExcType::MemoryError));
        }
        return Ok(vec![0; n]);
    }
    if source.kind() == Kind::Float || ops::iter(vm, source).is_err() {
        return Err(type_error(format!("cannot convert '{}' object to {name}", type_name_of(source))));
    }
    bytes_from_iterable(vm, source)
}

pub(crate) fn bytes_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().bytes)?;
    if cls != types().bytes {
        return Err(type_error("subclassing 'bytes' is not supported yet"));
    }
    let pos = rest.pos();
    if pos.len() == 1 && rest.kwnames.is_empty() && pos[0].kind() == Kind::Bytes {
        return Ok(pos[0]);
    }
    Ok(new::bytes(construct(vm, "bytes", &rest)?))
}

pub(crate) fn bytearray_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().bytearray)?;
    if cls != types().bytearray {
        return Err(type_error("subclassing 'bytearray' is not supported yet"));
    }
    Ok(new::bytearray(construct(vm, "bytearray", &rest)?))
}

fn byteorder(v: Option<StackRef>) -> PyResult<bool> {
    match v.map(|v| (v, as_str(v))) {
        None => Ok(true),
        Some((_, Some("big"))) => Ok(true),
        Some((_, Some("little"))) => Ok(false),
        Some((_, Some(_))) => Err(value_error("byteorder must be either 'little' or 'big'")),
        Some((v, None)) => {
            Err(type_error(format!("to_bytes() argument 'byteorder' must be str, not {}", type_name_of(v))))
        }
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub(crate) fn int_to_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, rest) = split_self(args, "int", "to_bytes")?;
    let value = to_bigint(this).ok_or_else(|| type_error("descriptor 'to_bytes' requires an 'int' object"))?;
    let [length, order, signed] = parse("to_bytes", &rest, ["length", "byteorder", "signed"], 0, 0, 2)?;
    let length: i64 = match length {
        None => 1,
        Some(l) => index_bigint(vm, l)?.try_into().unwrap_or(i64::MAX),
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let big_endian = byteorder(order)?;
    let signed = match signed {
        None => false,
        Some(s) => ops::truthy(vm, s)?,
    };
    if value.is_negative() && !signed {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { value.to_signed_bytes_le() } else { value.to_bytes_le().1 };
    if value.is_zero() {
        bytes.clear();
    }
    if bytes.len() as i64 > length {
        return Err(overflow_error("int too big to convert"));
    }
    let fill = if value.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if big_endian {
        bytes.reverse();
    }
    Ok(new::bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod).
pub(crate) fn int_from_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(type_error("from_bytes() needs the class"));
    }
    let rest = Args { values: &args.values[1..], kwnames: args.kwnames };
    let [source, order, signed] = parse("from_bytes", &rest, ["bytes", "byteorder", "signed"], 0, 1, 2)?;
    let source = source.expect("required");
    let mut data = match bytes_of(source) {
        Some(b) => b,
        None if as_str(source).is_some() => {
            return Err(type_error("cannot convert 'str' object to bytes"));
        }
        None => bytes_from_iterable(vm, source)?,
    };
    let big_endian = byteorder(order)?;
    let signed = match signed {
        None => false,
        Some(s) => ops::truthy(vm, s)?,
    };
    if big_endian {
        data.reverse();
    }
    let value = if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(Sign::Plus, &data) };
    Ok(new::bigint(value))
}
