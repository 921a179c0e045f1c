//! Methods of str. Strings are UTF-8 with a character count; every index a Python
//! caller sees (start/end arguments, find results) counts characters, so byte
//! offsets are converted at the boundary (for free when the string is ASCII).

use crate::builtins::args::{check_count, check_positional, exactly_one, no_args, no_keywords, parse, receiver};
use crate::builtins::values::{collect_items, index_i64, slice_index, str_data};
use crate::format::{decimal_digit_value, is_printable, is_space};
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::new;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops;
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::types::{bool_value, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub(crate) const STR_METHODS: &[(&str, BuiltinFn)] = &[
    ("join", str_join),
    ("split", str_split),
    ("rsplit", str_rsplit),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("replace", str_replace),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("upper", str_upper),
    ("lower", str_lower),
    ("casefold", str_casefold),
    ("capitalize", str_capitalize),
    ("title", str_title),
    ("swapcase", str_swapcase),
    ("find", str_find),
    ("rfind", str_rfind),
    ("index", str_index),
    ("rindex", str_rindex),
    ("count", str_count),
    ("format", crate::builtins::str_format::str_format),
    ("isdigit", str_isdigit),
    ("isdecimal", str_isdecimal),
    ("isnumeric", str_isnumeric),
    ("isalpha", str_isalpha),
    ("isalnum", str_isalnum),
    ("isspace", str_isspace),
    ("isupper", str_isupper),
    ("islower", str_islower),
    ("istitle", str_istitle),
    ("isidentifier", str_isidentifier),
    ("isascii", str_isascii),
    ("isprintable", str_isprintable),
    ("zfill", str_zfill),
    ("center", str_center),
    ("ljust", str_ljust),
    ("rjust", str_rjust),
    ("splitlines", str_splitlines),
    ("partition", str_partition),
    ("rpartition", str_rpartition),
    ("expandtabs", str_expandtabs),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
];

fn this_str<'a>(args: Args<'a>, method: &str) -> PyResult<(StackRef, &'static StrData, Args<'a>)> {
    receiver::<StrData>(args, "str", method)
}

/// A str result that is a slice of `this`: `this` itself when unchanged (and exactly a str).
fn slice_result(this: StackRef, data: &StrData, result: &str) -> StackRef {
    if result.len() == data.value.len() && type_of(this) == types().str_ {
        this
    } else {
        new::str(result)
    }
}

/// The byte offset of character `index` (clamped to the end).
pub(crate) fn byte_offset(data: &StrData, index: usize) -> usize {
    if data.is_ascii() {
        return index.min(data.value.len());
    }
    data.value.char_indices().nth(index).map(|(b, _)| b).unwrap_or(data.value.len())
}

/// Results longer than this many bytes raise MemoryError instead of aborting the
/// process on a failed allocation.
const MAX_RESULT_BYTES: u64 = 1 << 32;

fn check_result_size(bytes: u64) -> PyResult<()> {
    if bytes > MAX_RESULT_BYTES {
        return Err(crate::runtime::errors::PyErr::bare(crate::runtime::errors::ExcType::MemoryError));
    }
    Ok(())
}

/// A str argument, or TypeError "{prefix}must be str, not int".
fn str_arg(v: StackRef, prefix: &str) -> PyResult<&'static StrData> {
    str_data(v).ok_or_else(|| type_error(format!("{prefix}must be str, not {}", type_name_of(v))))
}

/// CPython's ADJUST_INDICES: clamps start/end (character indices) to the length.
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(i64::MAX);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// Parses `(sub[, start[, end]])` for find/index/count and friends; returns the
/// substring and the adjusted character range.
fn sub_and_range(vm: &mut Vm, fname: &str, data: &StrData, rest: &Args<'_>) -> PyResult<(&'static StrData, i64, i64)> {
    no_keywords(fname, rest)?;
    let pos = rest.pos();
    check_count(fname, pos.len(), 1, 3)?;
    let sub = str_arg(pos[0], "")?;
    let start = slice_index(vm, pos.get(1).copied())?;
    let end = slice_index(vm, pos.get(2).copied())?;
    let (start, end) = adjust_indices(start, end, data.char_len);
    Ok((sub, start, end))
}

/// The character index of `sub` in `data[start:end]` searching from the left or the right.
fn find_in(data: &StrData, sub: &StrData, start: i64, end: i64, from_right: bool) -> Option<usize> {
    if end - start < sub.char_len as i64 {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    let (b_start, b_end) = (byte_offset(data, start), byte_offset(data, end));
    let hay = &data.value[b_start..b_end];
    let found = if from_right { hay.rfind(&*sub.value) } else { hay.find(&*sub.value) };
    found.map(|b| if data.is_ascii() { start + b } else { start + hay[..b].chars().count() })
}

fn find_common(vm: &mut Vm, args: Args<'_>, name: &str, from_right: bool) -> PyResult<Option<usize>> {
    let (_, data, rest) = this_str(args, name)?;
    let (sub, start, end) = sub_and_range(vm, name, data, &rest)?;
    Ok(find_in(data, sub, start, end, from_right))
}

fn str_find(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::int(find_common(vm, args, "find", false)?.map(|i| i as i64).unwrap_or(-1)))
}

fn str_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::int(find_common(vm, args, "rfind", true)?.map(|i| i as i64).unwrap_or(-1)))
}

fn str_index(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    match find_common(vm, args, "index", false)? {
        Some(i) => Ok(new::int(i as i64)),
        None => Err(value_error("substring not found")),
    }
}

fn str_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    match find_common(vm, args, "rindex", true)? {
        Some(i) => Ok(new::int(i as i64)),
        None => Err(value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this_str(args, "count")?;
    let (sub, start, end) = sub_and_range(vm, "count", data, &rest)?;
    if end - start < sub.char_len as i64 {
        return Ok(new::int(0));
    }
    if sub.value.is_empty() {
        return Ok(new::int(end - start + 1));
    }
    let (b_start, b_end) = (byte_offset(data, start as usize), byte_offset(data, end as usize));
    let count = data.value[b_start..b_end].matches(&*sub.value).count();
    Ok(new::int(count as i64))
}

fn str_join(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, sep, rest) = this_str(args, "join")?;
    let iterable = exactly_one("str.join", &rest)?;
    let items = match collect_items(vm, iterable) {
        Ok(items) => items,
        Err(e) if e.matches(crate::runtime::errors::ExcType::TypeError) && ops::iter(vm, iterable).is_err() => {
            return Err(type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut total = 0;
    for (i, item) in items.iter().enumerate() {
        match str_data(item.get()) {
            Some(s) => total += s.value.len(),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name_of(item.get())
                )))
            }
        }
    }
    if items.len() == 1 && type_of(items[0].get()) == types().str_ {
        return Ok(items[0].get());
    }
    let mut out = String::with_capacity(total + sep.value.len() * items.len().saturating_sub(1));
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep.value);
        }
        out.push_str(&str_data(item.get()).expect("checked").value);
    }
    Ok(new::string(out))
}

/// The separator and maxsplit of split/rsplit.
fn split_args(vm: &mut Vm, name: &str, rest: &Args<'_>) -> PyResult<(Option<&'static StrData>, i64)> {
    let [sep, maxsplit] = parse(name, rest, ["sep", "maxsplit"], 0, 0, 2)?;
    let sep = match sep {
        None => None,
        Some(v) if v == types().none => None,
        Some(v) => {
            Some(str_data(v).ok_or_else(|| type_error(format!("must be str or None, not {}", type_name_of(v))))?)
        }
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => index_i64(vm, v)?,
    };
    if let Some(s) = sep {
        if s.value.is_empty() {
            return Err(value_error("empty separator"));
        }
    }
    Ok((sep, if maxsplit < 0 { i64::MAX } else { maxsplit }))
}

fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut remaining = maxsplit;
    let mut it = s.char_indices().peekable();
    loop {
        while let Some(&(_, c)) = it.peek() {
            if is_space(c) {
                it.next();
            } else {
                break;
            }
        }
        let Some(&(start, _)) = it.peek() else { break };
        if remaining == 0 {
            out.push(&s[start..]);
            break;
        }
        let mut end = s.len();
        while let Some(&(b, c)) = it.peek() {
            if is_space(c) {
                end = b;
                break;
            }
            it.next();
        }
        out.push(&s[start..end]);
        remaining -= 1;
    }
    out
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let end_of = |i: usize| chars[i].0 + chars[i].1.len_utf8();
    let mut out = Vec::new();
    let mut remaining = maxsplit;
    let mut i = chars.len() as isize - 1;
    loop {
        while i >= 0 && is_space(chars[i as usize].1) {
            i -= 1;
        }
        if i < 0 {
            break;
        }
        if remaining == 0 {
            out.push(&s[..end_of(i as usize)]);
            break;
        }
        let word_end = end_of(i as usize);
        while i >= 0 && !is_space(chars[i as usize].1) {
            i -= 1;
        }
        let word_start = if i >= 0 { end_of(i as usize) } else { 0 };
        out.push(&s[word_start..word_end]);
        remaining -= 1;
    }
    out.reverse();
    out
}

fn str_list(parts: Vec<&str>) -> StackRef {
    let values: Vec<StackRef> = parts.into_iter().map(new::str).collect();
    new::list(values)
}

fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this_str(args, "split")?;
    let (sep, maxsplit) = split_args(vm, "split", &rest)?;
    let s = &*data.value;
    let parts = match sep {
        None => split_whitespace(s, maxsplit),
        Some(sep) => {
            if maxsplit == i64::MAX {
                s.split(&*sep.value).collect()
            } else {
                s.splitn(maxsplit as usize + 1, &*sep.value).collect()
            }
        }
    };
    Ok(str_list(parts))
}

fn str_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this_str(args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, "rsplit", &rest)?;
    let s = &*data.value;
    let parts = match sep {
        None => rsplit_whitespace(s, maxsplit),
        Some(sep) => {
            let mut parts: Vec<&str> = if maxsplit == i64::MAX {
                s.rsplit(&*sep.value).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, &*sep.value).collect()
            };
            parts.reverse();
            parts
        }
    };
    Ok(str_list(parts))
}

#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
    Both,
}

fn strip_common(args: Args<'_>, name: &str, side: Side) -> PyResult<StackRef> {
    let (this, data, rest) = this_str(args, name)?;
    no_keywords(&format!("str.{name}"), &rest)?;
    check_positional(name, rest.pos().len(), 0, 1)?;
    let chars = match rest.pos().first() {
        None => None,
        Some(v) if *v == types().none => None,
        Some(v) => Some(str_data(*v).ok_or_else(|| type_error(format!("{name} arg must be None or str")))?),
    };
    let s = &*data.value;
    let result = match chars {
        None => match side {
            Side::Left => s.trim_start_matches(is_space),
            Side::Right => s.trim_end_matches(is_space),
            Side::Both => s.trim_matches(is_space),
        },
        Some(set) => {
            let set = &*set.value;
            let in_set = |c: char| set.contains(c);
            match side {
                Side::Left => s.trim_start_matches(in_set),
                Side::Right => s.trim_end_matches(in_set),
                Side::Both => s.trim_matches(in_set),
            }
        }
    };
    Ok(slice_result(this, data, result))
}

fn str_strip(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    strip_common(args, "strip", Side::Both)
}

fn str_lstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    strip_common(args, "lstrip", Side::Left)
}

fn str_rstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    strip_common(args, "rstrip", Side::Right)
}

fn str_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this_str(args, "replace")?;
    no_keywords("str.replace", &rest)?;
    let pos = rest.pos();
    check_positional("replace", pos.len(), 2, 3)?;
    let old = str_arg(pos[0], "replace() argument 1 ")?;
    let new_text = str_arg(pos[1], "replace() argument 2 ")?;
    let count = match pos.get(2) {
        Some(c) => index_i64(vm, *c)?,
        None => -1,
    };
    if count == 0 || (!old.value.is_empty() && !data.value.contains(&*old.value)) {
        return Ok(slice_result(this, data, &data.value));
    }
    let result = if count < 0 {
        data.value.replace(&*old.value, &new_text.value)
    } else {
        data.value.replacen(&*old.value, &new_text.value, count as usize)
    };
    Ok(new::string(result))
}

/// startswith/endswith: a str or a tuple of strs, with optional start/end.
fn affix_common(vm: &mut Vm, args: Args<'_>, name: &str, at_end: bool) -> PyResult<StackRef> {
    let (_, data, rest) = this_str(args, name)?;
    no_keywords(name, &rest)?;
    let pos = rest.pos();
    check_count(name, pos.len(), 1, 3)?;
    let start = slice_index(vm, pos.get(1).copied())?;
    let end = slice_index(vm, pos.get(2).copied())?;
    let (start, end) = adjust_indices(start, end, data.char_len);
    let matches = |affix: &StrData| -> bool {
        let end = end - affix.char_len as i64;
        if end < start {
            return false;
        }
        if affix.value.is_empty() {
            return true;
        }
        let (b_start, b_end) = (byte_offset(data, start as usize), byte_offset(data, end as usize));
        if at_end {
            data.value[b_end..].starts_with(&*affix.value)
        } else {
            data.value[b_start..].starts_with(&*affix.value)
        }
    };
    let wrong_type =
        |v: StackRef| type_error(format!("{name} first arg must be str or a tuple of str, not {}", type_name_of(v)));
    if let Some(tuple) = pos[0].downcast::<TupleData>() {
        for item in tuple.items.iter() {
            let affix = str_data(*item).ok_or_else(|| {
                type_error(format!("tuple for {name} must only contain str, not {}", type_name_of(*item)))
            })?;
            if matches(affix) {
                return Ok(types().true_);
            }
        }
        return Ok(types().false_);
    }
    let affix = str_data(pos[0]).ok_or_else(|| wrong_type(pos[0]))?;
    Ok(bool_value(matches(affix)))
}

fn str_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    affix_common(vm, args, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    affix_common(vm, args, "endswith", true)
}

fn case_common(args: Args<'_>, name: &str, convert: fn(&str) -> String) -> PyResult<StackRef> {
    let (this, data, rest) = this_str(args, name)?;
    no_args(&format!("str.{name}"), &rest)?;
    let result = convert(&data.value);
    if result == *data.value && type_of(this) == types().str_ {
        return Ok(this);
    }
    Ok(new::string(result))
}

fn str_upper(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    case_common(args, "upper", |s| s.to_uppercase())
}

fn str_lower(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    case_common(args, "lower", |s| s.to_lowercase())
}

fn str_casefold(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    case_common(args, "casefold", |s| s.to_lowercase().replace('ß', "ss"))
}

fn str_capitalize(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    case_common(args, "capitalize", capitalize)
}

fn str_title(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    case_common(args, "title", title)
}

fn str_swapcase(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    case_common(args, "swapcase", swapcase)
}

/// Titlecase letters (general category Lt).
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// Unicode's Cased property.
fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// An approximation of Unicode's Case_Ignorable property (used for final sigma).
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '^'
            | '`'
            | '\u{00A8}'
            | '\u{00AD}'
            | '\u{00AF}'
            | '\u{00B4}'
            | '\u{00B7}'
            | '\u{00B8}'
            | '\u{2019}'
    ) || matches!(c as u32, 0x02B0..=0x036F)
}

/// The lowercase of character `i` of `chars`, with the final-sigma rule.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == '\u{03A3}' {
        let before = chars[..i].iter().rev().find(|c| !is_case_ignorable(**c));
        let mut final_sigma = before.is_some_and(|c| is_cased(*c));
        if final_sigma {
            let after = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c));
            final_sigma = after.is_none_or(|c| !is_cased(*c));
        }
        out.push(if final_sigma { '\u{03C2}' } else { '\u{03C3}' });
        return;
    }
    out.extend(c.to_lowercase());
}

/// The titlecase mapping of a character.
fn push_title(c: char, out: &mut String) {
    let mapped: Option<&str> = match c as u32 {
        0x01C4..=0x01C6 => Some("\u{01C5}"),
        0x01C7..=0x01C9 => Some("\u{01C8}"),
        0x01CA..=0x01CC => Some("\u{01CB}"),
        0x01F1..=0x01F3 => Some("\u{01F2}"),
        0x00DF => Some("Ss"),
        0xFB00 => Some("Ff"),
        0xFB01 => Some("Fi"),
        0xFB02 => Some("Fl"),
        0xFB03 => Some("Ffi"),
        0xFB04 => Some("Ffl"),
        0xFB05 | 0xFB06 => Some("St"),
        0x0587 => Some("\u{0535}\u{0582}"),
        0xFB13 => Some("\u{0544}\u{0576}"),
        0xFB14 => Some("\u{0544}\u{0565}"),
        0xFB15 => Some("\u{0544}\u{056B}"),
        0xFB16 => Some("\u{054E}\u{0576}"),
        0xFB17 => Some("\u{0544}\u{056D}"),
        _ => None,
    };
    match mapped {
        Some(m) => out.push_str(m),
        None if is_titlecase(c) => out.push(c),
        None => out.extend(c.to_uppercase()),
    }
}

fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(chars[0], &mut out);
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}

fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if previous_is_cased {
            lower_at(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        let c = chars[i];
        if c.is_uppercase() {
            lower_at(&chars, i, &mut out);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn predicate_common(args: Args<'_>, name: &str, test: fn(&str) -> bool) -> PyResult<StackRef> {
    let (_, data, rest) = this_str(args, name)?;
    no_args(&format!("str.{name}"), &rest)?;
    Ok(bool_value(test(&data.value)))
}

fn is_decimal_char(c: char) -> bool {
    decimal_digit_value(c).is_some()
}

fn is_digit_char(c: char) -> bool {
    is_decimal_char(c)
        || matches!(c as u32,
            0x00B2 | 0x00B3 | 0x00B9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
            | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF
            | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 | 0x1369..=0x1371 | 0x19DA
            | 0x1F100..=0x1F10A)
}

fn is_numeric_char(c: char) -> bool {
    is_digit_char(c)
        || c.is_numeric()
        || matches!(
            c,
            '〇' | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '兆'
                | '零'
                | '壱'
                | '弐'
                | '参'
                | '拾'
        )
}

fn is_alpha_char(c: char) -> bool {
    c.is_alphabetic() && !matches!(c as u32, 0x0300..=0x036F) && !c.is_numeric()
}

fn str_isdigit(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isdigit", |s| !s.is_empty() && s.chars().all(is_digit_char))
}

fn str_isdecimal(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isdecimal", |s| !s.is_empty() && s.chars().all(is_decimal_char))
}

fn str_isnumeric(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isnumeric", |s| !s.is_empty() && s.chars().all(is_numeric_char))
}

fn str_isalpha(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isalpha", |s| !s.is_empty() && s.chars().all(is_alpha_char))
}

fn str_isalnum(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isalnum", |s| !s.is_empty() && s.chars().all(|c| is_alpha_char(c) || is_numeric_char(c)))
}

fn str_isspace(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isspace", |s| !s.is_empty() && s.chars().all(is_space))
}

fn str_isupper(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isupper", |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_lowercase() || is_titlecase(c) {
                return false;
            }
            if c.is_uppercase() {
                cased = true;
            }
        }
        cased
    })
}

fn str_islower(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "islower", |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                return false;
            }
            if c.is_lowercase() {
                cased = true;
            }
        }
        cased
    })
}

fn str_istitle(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "istitle", |s| {
        let mut cased = false;
        let mut previous_is_cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                if previous_is_cased {
                    return false;
                }
                previous_is_cased = true;
                cased = true;
            } else if c.is_lowercase() {
                if !previous_is_cased {
                    return false;
                }
                previous_is_cased = true;
                cased = true;
            } else {
                previous_is_cased = false;
            }
        }
        cased
    })
}

fn str_isidentifier(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isidentifier", |s| {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) if c == '_' || c.is_alphabetic() => {}
            _ => return false,
        }
        chars.all(|c| c == '_' || c.is_alphanumeric() || matches!(c as u32, 0x0300..=0x036F))
    })
}

fn str_isascii(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isascii", |s| s.is_ascii())
}

fn str_isprintable(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    predicate_common(args, "isprintable", |s| s.chars().all(is_printable))
}

fn str_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this_str(args, "zfill")?;
    let width = exactly_one("str.zfill", &rest)?;
    let width = index_i64(vm, width)?;
    let len = data.char_len as i64;
    if width <= len {
        return Ok(slice_result(this, data, &data.value));
    }
    check_result_size(((width - len) as u64).saturating_add(data.value.len() as u64))?;
    let fill = (width - len) as usize;
    let s = &*data.value;
    let mut out = String::with_capacity(s.len() + fill);
    let rest_of = if s.starts_with('+') || s.starts_with('-') {
        out.push_str(&s[..1]);
        &s[1..]
    } else {
        s
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest_of);
    Ok(new::string(out))
}

#[derive(Clone, Copy)]
enum Justify {
    Left,
    Right,
    Center,
}

fn justify_common(vm: &mut Vm, args: Args<'_>, name: &str, how: Justify) -> PyResult<StackRef> {
    let (this, data, rest) = this_str(args, name)?;
    no_keywords(name, &rest)?;
    let pos = rest.pos();
    check_positional(name, pos.len(), 1, 2)?;
    let width = index_i64(vm, pos[0])?;
    let fill = match pos.get(1) {
        None => ' ',
        Some(v) => {
            let s = str_arg(*v, &format!("{name}() argument 2 "))?;
            if s.char_len != 1 {
                return Err(type_error("The fill character must be exactly one character long"));
            }
            s.value.chars().next().expect("one char")
        }
    };
    let len = data.char_len as i64;
    if width <= len {
        return Ok(slice_result(this, data, &data.value));
    }
    let margin = width - len;
    check_result_size((margin as u64).saturating_mul(fill.len_utf8() as u64).saturating_add(data.value.len() as u64))?;
    let (left, right) = match how {
        Justify::Left => (0, margin),
        Justify::Right => (margin, 0),
        Justify::Center => {
            let left = margin / 2 + (margin & width & 1);
            (left, margin - left)
        }
    };
    let mut out = String::with_capacity(data.value.len() + (margin as usize) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.push_str(&data.value);
    out.extend(std::iter::repeat_n(fill, right as usize));
    Ok(new::string(out))
}

fn str_center(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    justify_common(vm, args, "center", Justify::Center)
}

fn str_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    justify_common(vm, args, "ljust", Justify::Left)
}

fn str_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    justify_common(vm, args, "rjust", Justify::Right)
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn str_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this_str(args, "splitlines")?;
    let [keepends] = parse("splitlines", &rest, ["keepends"], 0, 0, 1)?;
    let keepends = match keepends {
        Some(k) => ops::truthy(vm, k)?,
        None => false,
    };
    let s = &*data.value;
    let mut parts = Vec::new();
    let mut line_start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = b + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
        }
        parts.push(if keepends { &s[line_start..end] } else { &s[line_start..b] });
        line_start = end;
    }
    if line_start < s.len() {
        parts.push(&s[line_start..]);
    }
    Ok(str_list(parts))
}

fn partition_common(args: Args<'_>, name: &str, from_right: bool) -> PyResult<StackRef> {
    let (this, data, rest) = this_str(args, name)?;
    let sep = exactly_one(&format!("str.{name}"), &rest)?;
    let sep_data = str_arg(sep, "")?;
    if sep_data.value.is_empty() {
        return Err(value_error("empty separator"));
    }
    let s = &*data.value;
    let found = if from_right { s.rfind(&*sep_data.value) } else { s.find(&*sep_data.value) };
    let empty = new::intern("");
    let parts = match found {
        Some(b) => vec![new::str(&s[..b]), sep, new::str(&s[b + sep_data.value.len()..])],
        None => {
            let whole = slice_result(this, data, s);
            if from_right {
                vec![empty, empty, whole]
            } else {
                vec![whole, empty, empty]
            }
        }
    };
    Ok(new::tuple(parts))
}

fn str_partition(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    partition_common(args, "partition", false)
}

fn str_rpartition(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    partition_common(args, "rpartition", true)
}

fn str_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (_, data, rest) = this_str(args, "expandtabs")?;
    let [tabsize] = parse("expandtabs", &rest, ["tabsize"], 0, 0, 1)?;
    let tabsize = match tabsize {
        Some(t) => index_i64(vm, t)?,
        None => 8,
    };
    let mut out = String::with_capacity(data.value.len());
    let mut column: i64 = 0;
    for c in data.value.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let spaces = tabsize - column % tabsize;
                    check_result_size((out.len() as u64).saturating_add(spaces as u64))?;
                    out.extend(std::iter::repeat_n(' ', spaces as usize));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(new::string(out))
}

fn str_removeprefix(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this_str(args, "removeprefix")?;
    let prefix = exactly_one("str.removeprefix", &rest)?;
    let prefix = str_data(prefix)
        .ok_or_else(|| type_error(format!("removeprefix() argument must be str, not {}", type_name_of(prefix))))?;
    let result = data.value.strip_prefix(&*prefix.value).unwrap_or(&data.value);
    Ok(slice_result(this, data, result))
}

fn str_removesuffix(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (this, data, rest) = this_str(args, "removesuffix")?;
    let suffix = exactly_one("str.removesuffix", &rest)?;
    let suffix = str_data(suffix)
        .ok_or_else(|| type_error(format!("removesuffix() argument must be str, not {}", type_name_of(suffix))))?;
    let result = data.value.strip_suffix(&*suffix.value).unwrap_or(&data.value);
    Ok(slice_result(this, data, result))
}
