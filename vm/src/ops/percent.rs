//! printf-style string formatting, `str % args`: a port of CPython 3.11's
//! `PyUnicode_Format` (argument consumption, `%(key)s` mappings, flags `-+ #0`, `*`
//! widths and precisions, conversions `s r a d i u o x X e E f F g G c %`, padding and
//! sign placement, and its error messages).

use num_bigint::BigInt;
use num_traits::Signed;

use crate::format;
use crate::heap::Handle;
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops::arith::format_error;
use crate::ops::conversion::{float_value, index_value, int_ref};
use crate::ops::slots::{call_user, user_method};
use crate::runtime::errors::{overflow_error, type_error, value_error, ExcType};
use crate::runtime::types::type_name_of;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// One conversion specifier.
struct Spec {
    flags: u8,
    /// -1 when absent.
    width: i64,
    /// -1 when absent.
    prec: i64,
    conversion: char,
}

/// The arguments being consumed (CPython's `unicode_formatter_t` argument state).
struct Args {
    args: StackRef,
    tuple: Option<&'static TupleData>,
    /// The value of the last `%(key)` lookup, which replaces `args`.
    keyed: Option<Handle>,
    arglen: i64,
    argidx: i64,
    is_mapping: bool,
}

impl Args {
    fn next(&mut self) -> PyResult<StackRef> {
        if self.argidx < self.arglen {
            let index = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(match &self.keyed {
                    Some(h) => h.get(),
                    None => self.args,
                });
            }
            if let Some(t) = self.tuple {
                return Ok(t.items[index as usize]);
            }
        }
        Err(type_error("not enough arguments for format string"))
    }
}

/// Whether `v` counts as a mapping for `%(key)s` (has `__getitem__` and is not a tuple or
/// str).
fn is_mapping(v: StackRef) -> bool {
    match v.kind() {
        Kind::Dict | Kind::List | Kind::Range => true,
        Kind::Tuple | Kind::Str => false,
        _ => user_method(v, "__getitem__").is_some(),
    }
}

/// `format % args` for a str `format`.
pub(crate) fn percent_format(vm: &mut Vm, format_str: StackRef, args: StackRef) -> PyResult<StackRef> {
    let text = &format_str.downcast::<StrData>().expect("str").value;
    let tuple = args.downcast::<TupleData>();
    let mut state = Args {
        args,
        tuple,
        keyed: None,
        arglen: tuple.map(|t| t.items.len() as i64).unwrap_or(-1),
        argidx: if tuple.is_some() { 0 } else { -2 },
        is_mapping: is_mapping(args),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if pos < chars.len() && chars[pos] == '%' {
            out.push('%');
            pos += 1;
            continue;
        }
        let spec = parse_spec(vm, &chars, &mut pos, &mut state)?;
        let value = state.next()?;
        format_one(vm, &mut out, &spec, value, pos)?;
        if state.is_mapping && state.argidx < state.arglen {
            return Err(type_error("not all arguments converted during string formatting"));
        }
    }
    if state.argidx < state.arglen && !state.is_mapping {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    Ok(new::string(out))
}

/// The int a `*` width or precision takes.
fn star_value(v: StackRef) -> PyResult<i64> {
    match int_ref(v) {
        Some(i) => i.as_i64().ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t")),
        None => Err(type_error("* wants int")),
    }
}

/// Parses `(key)`, flags, width, precision and length modifier after a '%'; `pos` ends
/// after the conversion character.
fn parse_spec(vm: &mut Vm, chars: &[char], pos: &mut usize, state: &mut Args) -> PyResult<Spec> {
    let mut spec = Spec { flags: 0, width: -1, prec: -1, conversion: '\0' };
    if *pos < chars.len() && chars[*pos] == '(' {
        if !state.is_mapping {
            return Err(type_error("format requires a mapping"));
        }
        *pos += 1;
        let key_start = *pos;
        let mut depth = 1;
        while depth > 0 && *pos < chars.len() {
            match chars[*pos] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            return Err(value_error("incomplete format key"));
        }
        let key: String = chars[key_start..*pos - 1].iter().collect();
        let key = Handle::new(new::string(key));
        let value = crate::ops::getitem(vm, state.args, key.get())?;
        state.keyed = Some(Handle::new(value));
        state.arglen = -1;
        state.argidx = -2;
    }
    // `ch` is the character under consideration; `exhausted` mirrors CPython's fmtcnt < 0.
    let mut exhausted = false;
    let mut ch = '\0';
    let advance = |pos: &mut usize, ch: &mut char, exhausted: &mut bool| {
        if *pos < chars.len() {
            *ch = chars[*pos];
            *pos += 1;
        } else {
            *exhausted = true;
        }
    };
    loop {
        advance(pos, &mut ch, &mut exhausted);
        if exhausted {
            break;
        }
        match ch {
            '-' => spec.flags |= F_LJUST,
            '+' => spec.flags |= F_SIGN,
            ' ' => spec.flags |= F_BLANK,
            '#' => spec.flags |= F_ALT,
            '0' => spec.flags |= F_ZERO,
            _ => break,
        }
    }
    if !exhausted && ch == '*' {
        let v = state.next()?;
        let mut width = star_value(v)?;
        if width < 0 {
            spec.flags |= F_LJUST;
            width = width.checked_neg().ok_or_else(|| overflow_error("width too big"))?;
        }
        spec.width = width;
        advance(pos, &mut ch, &mut exhausted);
    } else if !exhausted && ch.is_ascii_digit() {
        spec.width = ch as i64 - '0' as i64;
        loop {
            advance(pos, &mut ch, &mut exhausted);
            if exhausted || !ch.is_ascii_digit() {
                break;
            }
            let d = ch as i64 - '0' as i64;
            spec.width = spec
                .width
                .checked_mul(10)
                .and_then(|w| w.checked_add(d))
                .ok_or_else(|| value_error("width too big"))?;
        }
    }
    if !exhausted && ch == '.' {
        spec.prec = 0;
        advance(pos, &mut ch, &mut exhausted);
        if !exhausted && ch == '*' {
            let v = state.next()?;
            let prec = star_value(v)?;
            if prec > i32::MAX as i64 || prec < i32::MIN as i64 {
                return Err(overflow_error("Python int too large to convert to C int"));
            }
            spec.prec = prec.max(0);
            advance(pos, &mut ch, &mut exhausted);
        } else if !exhausted && ch.is_ascii_digit() {
            spec.prec = ch as i64 - '0' as i64;
            loop {
                advance(pos, &mut ch, &mut exhausted);
                if exhausted || !ch.is_ascii_digit() {
                    break;
                }
                let d = ch as i64 - '0' as i64;
                spec.prec = spec.prec * 10 + d;
                if spec.prec > i32::MAX as i64 {
                    return Err(value_error("precision too big"));
                }
            }
        }
    }
    if !exhausted && matches!(ch, 'h' | 'l' | 'L') {
        advance(pos, &mut ch, &mut exhausted);
    }
    if exhausted {
        return Err(value_error("incomplete format"));
    }
    spec.conversion = ch;
    Ok(spec)
}

/// Formats one value and appends it (CPython's `unicode_format_arg_format` and
/// `unicode_format_arg_output`).
fn format_one(vm: &mut Vm, out: &mut String, spec: &Spec, value: StackRef, pos: usize) -> PyResult<()> {
    let value = Handle::new(value);
    let v = value.get();
    let (body, signed) = match spec.conversion {
        's' => (crate::ops::str_string(vm, v)?, false),
        'r' => (crate::ops::repr_string(vm, v)?, false),
        'a' => (crate::ops::repr::ascii_string(vm, v)?, false),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (format_long(vm, v, spec)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (format_float(vm, v, spec)?, true),
        'c' => (format_char(vm, v)?.to_string(), false),
        c => {
            let shown = if (31..=126).contains(&(c as u32)) { c } else { '?' };
            return Err(value_error(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                shown,
                c as u32,
                pos - 1
            )));
        }
    };
    output(out, spec, &body, signed);
    Ok(())
}

/// The int value for `%d`/`%x`-style conversions (CPython's `mainformatlong`).
fn long_value(vm: &mut Vm, v: StackRef, conversion: char) -> PyResult<BigInt> {
    if let Some(i) = int_ref(v) {
        return Ok(i.to_bigint());
    }
    let integer_only = matches!(conversion, 'o' | 'x' | 'X');
    let wrong_type = || {
        if integer_only {
            type_error(format!("%{} format: an integer is required, not {}", conversion, type_name_of(v)))
        } else {
            type_error(format!("%{} format: a real number is required, not {}", conversion, type_name_of(v)))
        }
    };
    if integer_only {
        return match index_value(vm, v)? {
            Some(i) => Ok(i.to_bigint()),
            None => Err(wrong_type()),
        };
    }
    if let Some(f) = float_value(v) {
        if user_method(v, "__int__").is_none() {
            return format::float_to_int(f).map_err(format_error);
        }
    }
    if let Some(r) = call_user(vm, v, "__int__", &[])? {
        return match int_ref(r) {
            Some(i) => Ok(i.to_bigint()),
            None => Err(type_error(format!("__int__ returned non-int (type {})", type_name_of(r)))),
        };
    }
    match index_value(vm, v)? {
        Some(i) => Ok(i.to_bigint()),
        None => Err(wrong_type()),
    }
}

/// Sign, `0x`/`0o` prefix and digits (zero-padded to the precision), as CPython's
/// `_PyUnicode_FormatLong`.
fn format_long(vm: &mut Vm, v: StackRef, spec: &Spec) -> PyResult<String> {
    let value = long_value(vm, v, spec.conversion)?;
    let magnitude = value.abs();
    let (digits, prefix) = match spec.conversion {
        'o' => (magnitude.to_str_radix(8), "0o"),
        'x' => (magnitude.to_str_radix(16), "0x"),
        'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
        _ => (format::int_to_decimal_string(&magnitude).map_err(value_error)?, ""),
    };
    let mut body = String::with_capacity(digits.len() + 4);
    if value.is_negative() {
        body.push('-');
    }
    if spec.flags & F_ALT != 0 {
        body.push_str(prefix);
    }
    let precision = spec.prec.max(0) as usize;
    for _ in digits.len()..precision {
        body.push('0');
    }
    body.push_str(&digits);
    Ok(body)
}

/// `%e`/`%f`/`%g` (CPython's `formatfloat`).
fn format_float(vm: &mut Vm, v: StackRef, spec: &Spec) -> PyResult<String> {
    let x = crate::ops::to_f64(vm, v)?;
    let precision = if spec.prec < 0 { 6 } else { spec.prec };
    let alt = if spec.flags & F_ALT != 0 { "#" } else { "" };
    let format_spec = format!("{}.{}{}", alt, precision, spec.conversion);
    format::format_float(x, &format_spec).map_err(format_error)
}

/// `%c`: a one-character str or a code point.
fn format_char(vm: &mut Vm, v: StackRef) -> PyResult<char> {
    let requires = || type_error("%c requires int or char");
    if let Some(s) = v.downcast::<StrData>() {
        let mut chars = s.value.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(requires()),
        };
    }
    let code = match index_value(vm, v) {
        Ok(Some(i)) => i.as_i64(),
        Ok(None) => return Err(requires()),
        Err(e) if e.matches(ExcType::TypeError) => return Err(requires()),
        Err(e) => return Err(e),
    };
    match code {
        Some(c) if (0..=0x10ffff).contains(&c) => char::from_u32(c as u32)
            .ok_or_else(|| value_error(format!("character U+{:04X} is a surrogate and cannot be represented", c))),
        _ => Err(overflow_error("%c arg not in range(0x110000)")),
    }
}

/// Pads and signs a converted value (CPython's `unicode_format_arg_output`).
fn output(out: &mut String, spec: &Spec, body: &str, signed: bool) {
    let chars: Vec<char> = body.chars().collect();
    let mut len = chars.len();
    if matches!(spec.conversion, 's' | 'r' | 'a') && spec.prec >= 0 && len as i64 > spec.prec {
        len = spec.prec as usize;
    }
    let fill = if signed && spec.flags & F_ZERO != 0 { '0' } else { ' ' };
    let mut pindex = 0;
    let mut sign_char = None;
    if signed {
        match chars.first() {
            Some(&c) if c == '-' || c == '+' => {
                sign_char = Some(c);
                len -= 1;
                pindex = 1;
            }
            _ if spec.flags & F_SIGN != 0 => sign_char = Some('+'),
            _ if spec.flags & F_BLANK != 0 => sign_char = Some(' '),
            _ => {}
        }
    }
    let mut width = spec.width.max(len as i64);
    if let Some(sign) = sign_char {
        if fill != ' ' {
            out.push(sign);
        }
        if width > len as i64 {
            width -= 1;
        }
    }
    let alt_prefix = signed && spec.flags & F_ALT != 0 && matches!(spec.conversion, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(spec.conversion);
        }
        width = (width - 2).max(0);
        len = len.saturating_sub(2);
        pindex += 2;
    }
    if width > len as i64 && spec.flags & F_LJUST == 0 {
        for _ in 0..(width - len as i64) {
            out.push(fill);
        }
        width = len as i64;
    }
    if fill == ' ' {
        if let Some(sign) = sign_char {
            out.push(sign);
        }
        if alt_prefix {
            out.push('0');
            out.push(spec.conversion);
        }
    }
    out.extend(chars[pindex..pindex + len].iter());
    if width > len as i64 {
        for _ in 0..(width - len as i64) {
            out.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(flags: u8, width: i64, prec: i64, conversion: char, body: &str, signed: bool) -> String {
        let mut s = String::new();
        output(&mut s, &Spec { flags, width, prec, conversion }, body, signed);
        s
    }

    #[test]
    fn padding_matches_cpython() {
        assert_eq!(out(F_ZERO, 10, -1, 'f', "inf", true), "0000000inf");
        assert_eq!(out(F_LJUST | F_ZERO, 10, -1, 'f', "nan", true), "nan       ");
        assert_eq!(out(F_SIGN, -1, -1, 'f', "nan", true), "+nan");
        assert_eq!(out(F_ZERO, 10, 2, 'f', "-3.14", true), "-000003.14");
        assert_eq!(out(F_LJUST, 8, 3, 'd', "-005", true), "-005    ");
        assert_eq!(out(F_ZERO, 8, 3, 'd', "-005", true), "-0000005");
        assert_eq!(out(F_SIGN, -1, 3, 'x', "0ff", true), "+0ff");
        assert_eq!(out(F_ALT | F_ZERO, 8, -1, 'x', "0xff", true), "0x0000ff");
        assert_eq!(out(F_ALT | F_LJUST, 8, -1, 'o', "0o10", true), "0o10    ");
        assert_eq!(out(F_BLANK, -1, -1, 'd', "5", true), " 5");
        assert_eq!(out(F_BLANK | F_SIGN, -1, -1, 'd', "5", true), "+5");
        assert_eq!(out(F_ZERO, 5, -1, 's', "ab", false), "   ab");
        assert_eq!(out(0, -1, 1, 's', "xyz", false), "x");
        assert_eq!(out(0, 5, 1, 'r', "'xyz'", false), "    '");
        assert_eq!(out(F_ZERO, 5, -1, 'c', "A", false), "    A");
        assert_eq!(out(F_ZERO | F_LJUST, 5, -1, 'd', "3", true), "3    ");
        assert_eq!(out(F_LJUST | F_SIGN, 5, -1, 'd', "3", true), "+3   ");
        assert_eq!(out(F_ALT, -1, -1, 'X', "-0XFF", true), "-0XFF");
        assert_eq!(out(0, 5, 2, 's', "abc", false), "   ab");
    }
}
