//! The functions of the builtins module: print, len, min/max, sum, round, divmod,
//! pow, isinstance, sorted, getattr and the rest.

use std::io::Write;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::args::{check_positional, exactly_one, kw_name, no_keywords, not_none, parse};
use crate::builtins::list_methods::sort_list;
use crate::builtins::values::{
    as_str, float_value, format_error, index_bigint, int_i64, is_int, lookup_special, small_int, to_bigint,
};
use crate::format;
use crate::heap::Handle;
use crate::objects::function::Args;
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::ops;
use crate::runtime::errors::{type_error, value_error, ExcType, PyErr};
use crate::runtime::types::{is_instance, is_subclass, none, type_name_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// BINARY_OP operator numbers (uops.toml): `+` and `*`.
pub(crate) const NB_ADD: u32 = 0;
pub(crate) const NB_MULTIPLY: u32 = 5;
/// COMPARE_OP operator numbers: `<` and `>`.
pub(crate) const CMP_LT: u32 = 0;
pub(crate) const CMP_GT: u32 = 4;

/// The builtin functions, by name.
pub(crate) const FUNCTIONS: &[(&str, crate::objects::function::BuiltinFn)] = &[
    ("print", builtin_print),
    ("len", builtin_len),
    ("abs", builtin_abs),
    ("min", builtin_min),
    ("max", builtin_max),
    ("sum", builtin_sum),
    ("isinstance", builtin_isinstance),
    ("issubclass", builtin_issubclass),
    ("repr", builtin_repr),
    ("ascii", builtin_ascii),
    ("format", builtin_format),
    ("round", builtin_round),
    ("divmod", builtin_divmod),
    ("pow", builtin_pow),
    ("hash", builtin_hash),
    ("aiter", super::async_generator_methods::builtin_aiter),
    ("anext", super::async_generator_methods::builtin_anext),
    ("iter", builtin_iter),
    ("next", builtin_next),
    ("any", builtin_any),
    ("all", builtin_all),
    ("ord", builtin_ord),
    ("chr", builtin_chr),
    ("sorted", builtin_sorted),
    ("callable", builtin_callable),
    ("id", builtin_id),
    ("hex", builtin_hex),
    ("oct", builtin_oct),
    ("bin", builtin_bin),
    ("getattr", builtin_getattr),
    ("setattr", builtin_setattr),
    ("hasattr", builtin_hasattr),
    ("delattr", builtin_delattr),
    ("globals", builtin_globals),
    ("__build_class__", builtin_build_class),
];

/// `a op b` as a bool (`PyObject_RichCompareBool` without the identity shortcut,
/// which only applies to `==` and `!=`).
pub(crate) fn compare_bool(vm: &mut Vm, op: u32, a: StackRef, b: StackRef) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        return Ok(match op {
            CMP_LT => x < y,
            CMP_GT => x > y,
            _ => unreachable!("only < and > are used"),
        });
    }
    let result = ops::compare(vm, op, a, b)?;
    if result == types().true_ {
        return Ok(true);
    }
    if result == types().false_ {
        return Ok(false);
    }
    let result = Handle::new(result);
    ops::truthy(vm, result.get())
}

fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let mut sep = " ";
    let mut end = "\n";
    let mut file = None;
    let mut flush = false;
    for (key, value) in args.kw() {
        match kw_name(key) {
            "sep" if value != none() => {
                sep = as_str(value)
                    .ok_or_else(|| type_error(format!("sep must be None or a string, not {}", type_name_of(value))))?;
            }
            "end" if value != none() => {
                end = as_str(value)
                    .ok_or_else(|| type_error(format!("end must be None or a string, not {}", type_name_of(value))))?;
            }
            "file" => file = not_none(Some(value)),
            "flush" => flush = ops::truthy(vm, value)?,
            "sep" | "end" => {}
            other => return Err(type_error(format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    let mut line = String::new();
    for (i, value) in args.pos().iter().enumerate() {
        if i > 0 {
            line.push_str(sep);
        }
        match value.downcast::<StrData>() {
            Some(s) if value.kind() == Kind::Str && crate::runtime::types::type_of(*value) == types().str_ => {
                line.push_str(&s.value)
            }
            _ => line.push_str(&ops::str_string(vm, *value)?),
        }
    }
    line.push_str(end);
    match file {
        None => {
            let mut out = std::io::stdout().lock();
            // Like CPython at exit, a closed stdout is not an error worth a traceback.
            let _ = out.write_all(line.as_bytes());
            if flush {
                let _ = out.flush();
            }
        }
        Some(file) => {
            let text = new::string(line);
            vm.call_method(file, "write", &[text])?;
            if flush {
                vm.call_method(file, "flush", &[])?;
            }
        }
    }
    Ok(none())
}

fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("len", &args)?;
    let n = ops::len(vm, value)?;
    Ok(new::int(n as i64))
}

fn builtin_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("abs", &args)?;
    ops::absolute(vm, value)
}

fn builtin_min(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    min_max(vm, args, false)
}

fn builtin_max(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    min_max(vm, args, true)
}

fn min_max(vm: &mut Vm, args: Args<'_>, is_max: bool) -> PyResult<StackRef> {
    let name = if is_max { "max" } else { "min" };
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kw() {
        match kw_name(k) {
            "key" => key = not_none(Some(v)),
            "default" => default = Some(v),
            other => return Err(type_error(format!("'{other}' is an invalid keyword argument for {name}()"))),
        }
    }
    let pos = args.pos();
    if pos.is_empty() {
        return Err(type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if pos.len() > 1 && default.is_some() {
        return Err(type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
    }
    let op = if is_max { CMP_GT } else { CMP_LT };
    // (item, key of item)
    let mut best: Option<(Handle, Handle)> = None;
    let mut consider = |vm: &mut Vm, item: StackRef| -> PyResult<bool> {
        let item_key = match key {
            Some(f) => Handle::new(vm.call(f, &[item])?),
            None => Handle::new(item),
        };
        let replace = match &best {
            None => true,
            Some((_, best_key)) => compare_bool(vm, op, item_key.get(), best_key.get())?,
        };
        if replace {
            best = Some((Handle::new(item), item_key));
        }
        Ok(true)
    };
    if pos.len() == 1 {
        crate::builtins::values::for_each(vm, pos[0], &mut consider)?;
    } else {
        for item in pos {
            consider(vm, *item)?;
        }
    }
    match best {
        Some((item, _)) => Ok(item.get()),
        None => match default {
            Some(d) => Ok(d),
            None => Err(value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

/// The running total of `sum()`, mirroring CPython's phases: C longs while every item
/// is an int that fits, then (if the total became a float) doubles, then generic `+`.
enum Total {
    Int(i64),
    Float(f64),
    Object(Handle),
}

fn builtin_sum(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let [iterable, start] = parse("sum", &args, ["iterable", "start"], 1, 1, 2)?;
    let iterable = iterable.expect("required");
    let start = start.unwrap_or_else(|| new::int(0));
    if start.kind() == Kind::Str {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let start_type = type_name_of(start);
    if start_type == "bytes" || start_type == "bytearray" {
        return Err(type_error(format!("sum() can't sum {start_type} [use b''.join(seq) instead]")));
    }
    let exact_float = |v: StackRef| crate::runtime::types::type_of(v) == types().float;
    let exact_int_value = |v: StackRef| if v.kind() == Kind::Bool { None } else { int_i64(v) };
    let mut total = if let Some(i) = exact_int_value(start) {
        Total::Int(i)
    } else if exact_float(start) {
        Total::Float(float_value(start).expect("float"))
    } else {
        Total::Object(Handle::new(start))
    };
    crate::builtins::values::for_each(vm, iterable, |vm, item| {
        match &mut total {
            Total::Int(acc) => {
                if let Some(sum) = int_i64(item).and_then(|b| acc.checked_add(b)) {
                    *acc = sum;
                    return Ok(true);
                }
                let acc_value = new::int(*acc);
                let result = Handle::new(ops::binary_op(vm, NB_ADD, acc_value, item)?);
                total = if exact_float(result.get()) {
                    Total::Float(float_value(result.get()).expect("float"))
                } else {
                    Total::Object(result)
                };
            }
            Total::Float(acc) => {
                if exact_float(item) {
                    *acc += float_value(item).expect("float");
                    return Ok(true);
                }
                if let Some(i) = int_i64(item) {
                    *acc += i as f64;
                    return Ok(true);
                }
                let acc_value = new::float(*acc);
                let result = Handle::new(ops::binary_op(vm, NB_ADD, acc_value, item)?);
                total = Total::Object(result);
            }
            Total::Object(acc) => {
                let result = Handle::new(ops::binary_op(vm, NB_ADD, acc.get(), item)?);
                *acc = result;
            }
        }
        Ok(true)
    })?;
    Ok(match total {
        Total::Int(i) => new::int(i),
        Total::Float(f) => new::float(f),
        Total::Object(h) => h.get(),
    })
}

fn class_check(
    obj: StackRef,
    spec: StackRef,
    check: &dyn Fn(StackRef, StackRef) -> bool,
    depth: usize,
) -> Option<bool> {
    if spec.kind() == Kind::Type {
        return Some(check(obj, spec));
    }
    if let Some(t) = spec.downcast::<TupleData>() {
        if depth > 1000 {
            return Some(false);
        }
        for item in t.items.iter() {
            if class_check(obj, *item, check, depth + 1)? {
                return Some(true);
            }
        }
        return Some(false);
    }
    None
}

fn builtin_isinstance(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("isinstance", &args)?;
    check_positional("isinstance", args.pos().len(), 2, 2)?;
    let (obj, spec) = (args.pos()[0], args.pos()[1]);
    match class_check(obj, spec, &|o, c| is_instance(o, c), 0) {
        Some(b) => Ok(crate::runtime::types::bool_value(b)),
        None => Err(type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn builtin_issubclass(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("issubclass", &args)?;
    check_positional("issubclass", args.pos().len(), 2, 2)?;
    let (sub, spec) = (args.pos()[0], args.pos()[1]);
    if sub.kind() != Kind::Type {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    match class_check(sub, spec, &|s, c| is_subclass(s, c), 0) {
        Some(b) => Ok(crate::runtime::types::bool_value(b)),
        None => Err(type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("repr", &args)?;
    ops::repr(vm, value)
}

/// Escapes the non-ASCII characters of a repr as `ascii()` does.
pub(crate) fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        let code = ch as u32;
        if code < 0x80 {
            out.push(ch);
        } else if code < 0x100 {
            out.push_str(&format!("\\x{code:02x}"));
        } else if code < 0x10000 {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push_str(&format!("\\U{code:08x}"));
        }
    }
    out
}

fn builtin_ascii(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("ascii", &args)?;
    let text = ops::repr_string(vm, value)?;
    Ok(new::string(ascii_escape(&text)))
}

fn builtin_format(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("format", &args)?;
    check_positional("format", args.pos().len(), 1, 2)?;
    let value = args.pos()[0];
    let spec = match args.pos().get(1) {
        None => "",
        Some(s) => as_str(*s)
            .ok_or_else(|| type_error(format!("format() argument 2 must be str, not {}", type_name_of(*s))))?,
    };
    ops::format(vm, value, spec)
}

/// `round(int, ndigits)`: rounds half to even at a power of ten.
fn round_int(value: &BigInt, ndigits: &BigInt) -> BigInt {
    if !ndigits.is_negative() {
        return value.clone();
    }
    // 10**-ndigits exceeds 2*|value| when it has more digits: the result is 0.
    let digits = (value.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    let exponent = match (-ndigits).to_u64() {
        Some(e) if e <= digits => e,
        _ => return BigInt::zero(),
    };
    let pow = num_traits::pow(BigInt::from(10), exponent as usize);
    let (q, r) = value.div_mod_floor(&pow);
    let twice = &r * 2;
    let q = if twice > pow || (twice == pow && q.is_odd()) { q + 1 } else { q };
    q * pow
}

fn builtin_round(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let [number, ndigits] = parse("round", &args, ["number", "ndigits"], 0, 1, 2)?;
    let number = number.expect("required");
    let ndigits = not_none(ndigits);
    if let Some(f) = float_value(number) {
        return match ndigits {
            None => Ok(new::bigint(format::round_float_to_int(f).map_err(format_error)?)),
            Some(n) => {
                let n = index_bigint(vm, n)?;
                let n = n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
                Ok(new::float(format::round_float(f, n).map_err(format_error)?))
            }
        };
    }
    if is_int(number) {
        let value = to_bigint(number).expect("int");
        return match ndigits {
            None => Ok(new::bigint(value)),
            Some(n) => {
                let n = index_bigint(vm, n)?;
                Ok(new::bigint(round_int(&value, &n)))
            }
        };
    }
    match lookup_special(number, "__round__") {
        Some(method) => match ndigits {
            None => vm.call(method, &[number]),
            Some(n) => vm.call(method, &[number, n]),
        },
        None => Err(type_error(format!("type {} doesn't define __round__ method", type_name_of(number)))),
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("divmod", &args)?;
    check_positional("divmod", args.pos().len(), 2, 2)?;
    ops::divmod(vm, args.pos()[0], args.pos()[1])
}

fn builtin_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let [base, exp, modulus] = parse("pow", &args, ["base", "exp", "mod"], 0, 2, 3)?;
    let (base, exp) = (base.expect("required"), exp.expect("required"));
    ops::power(vm, base, exp, modulus.unwrap_or(StackRef::NULL))
}

fn builtin_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("hash", &args)?;
    Ok(new::int(ops::hash(vm, value)?))
}

fn builtin_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("iter", &args)?;
    check_positional("iter", args.pos().len(), 1, 2)?;
    if args.pos().len() == 2 {
        return Err(PyErr::new(ExcType::NotImplementedError, "iter(callable, sentinel) is not supported"));
    }
    ops::iter(vm, args.pos()[0])
}

fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("next", &args)?;
    check_positional("next", args.pos().len(), 1, 2)?;
    let it = args.pos()[0];
    if crate::runtime::generators::is_plain_generator(it) {
        // A generator's return value travels in its StopIteration.
        return match vm.generator_send(it, crate::runtime::types::none()) {
            Err(e) if e.matches(ExcType::StopIteration) && args.pos().len() == 2 => Ok(args.pos()[1]),
            other => other,
        };
    }
    if !ops::is_builtin_iterator(it) {
        if let Some(method) = vm.lookup_special(it, "__next__") {
            // The StopIteration of a `__next__` method passes through with its value.
            return match vm.call(method, &[it]) {
                Err(e) if e.matches(ExcType::StopIteration) && args.pos().len() == 2 => Ok(args.pos()[1]),
                other => other,
            };
        }
    }
    match ops::next(vm, it)? {
        Some(v) => Ok(v),
        None => match args.pos().get(1) {
            Some(default) => Ok(*default),
            None => Err(PyErr::bare(ExcType::StopIteration)),
        },
    }
}

fn builtin_any(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let iterable = exactly_one("any", &args)?;
    let mut found = false;
    crate::builtins::values::for_each(vm, iterable, |vm, item| {
        if ops::truthy(vm, item)? {
            found = true;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(crate::runtime::types::bool_value(found))
}

fn builtin_all(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let iterable = exactly_one("all", &args)?;
    let mut all = true;
    crate::builtins::values::for_each(vm, iterable, |vm, item| {
        if !ops::truthy(vm, item)? {
            all = false;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(crate::runtime::types::bool_value(all))
}

fn builtin_ord(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("ord", &args)?;
    match value.downcast::<StrData>() {
        Some(s) => {
            if s.char_len != 1 {
                return Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len
                )));
            }
            let ch = s.value.chars().next().expect("one char");
            Ok(new::int(ch as i64))
        }
        None => Err(type_error(format!("ord() expected string of length 1, but {} found", type_name_of(value)))),
    }
}

fn builtin_chr(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("chr", &args)?;
    let code = index_bigint(vm, value)?;
    let code =
        code.to_i32().ok_or_else(|| PyErr::new(ExcType::OverflowError, "Python int too large to convert to C int"))?;
    if !(0..0x110000).contains(&code) {
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    // Lone surrogates cannot live in a UTF-8 str: they become U+FFFD.
    let ch = char::from_u32(code as u32).unwrap_or('\u{fffd}');
    Ok(new::string(ch.to_string()))
}

fn builtin_sorted(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let pos = args.pos();
    check_positional("sorted", pos.len(), 1, 1)?;
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kw() {
        match kw_name(k) {
            "key" => key = not_none(Some(v)),
            "reverse" => reverse = ops::truthy(vm, v)?,
            other => return Err(type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    let items = crate::builtins::values::collect_items(vm, pos[0])?;
    let list = Handle::new(new::list(items.iter().map(Handle::get).collect()));
    drop(items);
    sort_list(vm, list.get(), key, reverse)?;
    Ok(list.get())
}

/// Whether a value can be called.
pub(crate) fn is_callable(v: StackRef) -> bool {
    match v.kind() {
        Kind::Function | Kind::BuiltinFunction | Kind::BoundMethod | Kind::Type => true,
        Kind::SmallInt | Kind::Null => false,
        _ => lookup_special(v, "__call__").is_some(),
    }
}

fn builtin_callable(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("callable", &args)?;
    Ok(crate::runtime::types::bool_value(is_callable(value)))
}

fn builtin_id(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("id", &args)?;
    Ok(new::int(value.bits() as i64))
}

/// An int in base 2, 8 or 16 with its prefix ("-0x1f").
fn int_with_prefix(value: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = value.magnitude().to_str_radix(radix);
    if value.sign() == Sign::Minus {
        format!("-{prefix}{digits}")
    } else {
        format!("{prefix}{digits}")
    }
}

fn builtin_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("hex", &args)?;
    let v = index_bigint(vm, value)?;
    Ok(new::string(int_with_prefix(&v, 16, "0x")))
}

fn builtin_oct(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("oct", &args)?;
    let v = index_bigint(vm, value)?;
    Ok(new::string(int_with_prefix(&v, 8, "0o")))
}

fn builtin_bin(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = exactly_one("bin", &args)?;
    let v = index_bigint(vm, value)?;
    Ok(new::string(int_with_prefix(&v, 2, "0b")))
}

/// The interned attribute name from a getattr-style argument.
fn attr_name(name: StackRef) -> PyResult<StackRef> {
    match as_str(name) {
        Some(s) => Ok(new::intern(s)),
        None => Err(type_error(format!("attribute name must be string, not '{}'", type_name_of(name)))),
    }
}

fn builtin_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("getattr", &args)?;
    let pos = args.pos();
    check_positional("getattr", pos.len(), 2, 3)?;
    let name = attr_name(pos[1])?;
    match vm.get_attr(pos[0], name) {
        Ok(v) => Ok(v),
        Err(e) if pos.len() == 3 && e.matches(ExcType::AttributeError) => Ok(pos[2]),
        Err(e) => Err(e),
    }
}

fn builtin_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("setattr", &args)?;
    let pos = args.pos();
    check_positional("setattr", pos.len(), 3, 3)?;
    let name = attr_name(pos[1])?;
    vm.set_attr(pos[0], name, pos[2])?;
    Ok(none())
}

fn builtin_hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("hasattr", &args)?;
    let pos = args.pos();
    check_positional("hasattr", pos.len(), 2, 2)?;
    let name = attr_name(pos[1])?;
    match vm.get_attr(pos[0], name) {
        Ok(_) => Ok(types().true_),
        Err(e) if e.matches(ExcType::AttributeError) => Ok(types().false_),
        Err(e) => Err(e),
    }
}

fn builtin_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("delattr", &args)?;
    let pos = args.pos();
    check_positional("delattr", pos.len(), 2, 2)?;
    let name = attr_name(pos[1])?;
    vm.del_attr(pos[0], name)?;
    Ok(none())
}

fn builtin_globals(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    crate::builtins::args::no_args("globals", &args)?;
    Ok(vm.frame().globals)
}

fn builtin_build_class(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    crate::runtime::classes::build_class(vm, args)
}
