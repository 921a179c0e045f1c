//! Argument checking for builtin functions and methods, producing CPython's error
//! messages. Three families of messages exist in CPython and are reproduced here:
//! the `METH_O`/`METH_NOARGS` ones ("len() takes exactly one argument (2 given)"),
//! the positional-only checks ("range expected at most 3 arguments, got 4") and the
//! keyword-aware parser of Argument Clinic ("round() missing required argument
//! 'number' (pos 1)").

use crate::objects::function::Args;
use crate::objects::str::StrData;
use crate::runtime::errors::type_error;
use crate::runtime::types::type_name_of;
use crate::value::StackRef;
use crate::PyResult;

/// The text of a keyword name (kwnames are str values).
pub(crate) fn kw_name(name: StackRef) -> &'static str {
    name.downcast::<StrData>().map(|s| &*s.value).unwrap_or("?")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Rejects keyword arguments: "list() takes no keyword arguments".
pub(crate) fn no_keywords(fname: &str, args: &Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// A `METH_O` function: exactly one positional argument, no keywords.
pub(crate) fn exactly_one(fname: &str, args: &Args<'_>) -> PyResult<StackRef> {
    no_keywords(fname, args)?;
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(type_error(format!("{fname}() takes exactly one argument ({} given)", pos.len())));
    }
    Ok(pos[0])
}

/// A `METH_NOARGS` function: no arguments at all.
pub(crate) fn no_args(fname: &str, args: &Args<'_>) -> PyResult<()> {
    no_keywords(fname, args)?;
    let n = args.pos().len();
    if n != 0 {
        return Err(type_error(format!("{fname}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// `_PyArg_CheckPositional`: "range expected at least 1 argument, got 0".
pub(crate) fn check_positional(fname: &str, given: usize, min: usize, max: usize) -> PyResult<()> {
    if given < min {
        let qualifier = if min == max { "" } else { "at least " };
        return Err(type_error(format!("{fname} expected {qualifier}{min} argument{}, got {given}", plural(min))));
    }
    if given > max {
        let qualifier = if min == max { "" } else { "at most " };
        return Err(type_error(format!("{fname} expected {qualifier}{max} argument{}, got {given}", plural(max))));
    }
    Ok(())
}

/// `PyArg_ParseTuple`-style counts: "count() takes at least 1 argument (0 given)".
pub(crate) fn check_count(fname: &str, given: usize, min: usize, max: usize) -> PyResult<()> {
    if given < min {
        let qualifier = if min == max { "exactly" } else { "at least" };
        return Err(type_error(format!("{fname}() takes {qualifier} {min} argument{} ({given} given)", plural(min))));
    }
    if given > max {
        let qualifier = if min == max { "exactly" } else { "at most" };
        return Err(type_error(format!("{fname}() takes {qualifier} {max} argument{} ({given} given)", plural(max))));
    }
    Ok(())
}

/// The keyword-aware parser of Argument Clinic (`_PyArg_UnpackKeywords`).
///
/// `names` lists every parameter in order; the first `posonly` are positional-only,
/// parameters at index `maxpos` and beyond are keyword-only, and the first `minpos`
/// are required. Returns the value of each parameter, or `None` when not given.
pub(crate) fn parse<const N: usize>(
    fname: &str,
    args: &Args<'_>,
    names: [&str; N],
    posonly: usize,
    minpos: usize,
    maxpos: usize,
) -> PyResult<[Option<StackRef>; N]> {
    let pos = args.pos();
    let nargs = pos.len();
    let nkwargs = args.kwnames.len();
    let maxargs = N;
    let mut out: [Option<StackRef>; N] = [None; N];
    if nkwargs == 0 && minpos <= nargs && nargs <= maxpos {
        for (slot, value) in out.iter_mut().zip(pos.iter()) {
            *slot = Some(*value);
        }
        return Ok(out);
    }
    if nargs + nkwargs > maxargs {
        return Err(type_error(format!(
            "{fname}() takes at most {maxargs} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + nkwargs
        )));
    }
    if nargs > maxpos {
        if maxpos == 0 {
            return Err(type_error(format!("{fname}() takes no positional arguments")));
        }
        return Err(type_error(format!(
            "{fname}() takes {} {maxpos} positional argument{} ({nargs} given)",
            if minpos < maxpos { "at most" } else { "exactly" },
            plural(maxpos)
        )));
    }
    let minposonly = posonly.min(minpos);
    if nargs < minposonly {
        return Err(type_error(format!(
            "{fname}() takes {} {minposonly} positional argument{} ({nargs} given)",
            if minposonly < maxpos { "at least" } else { "exactly" },
            plural(minposonly)
        )));
    }
    for (slot, value) in out.iter_mut().zip(pos.iter()) {
        *slot = Some(*value);
    }
    let find_keyword = |name: &str| args.kw().find(|(k, _)| kw_name(*k) == name).map(|(_, v)| v);
    let mut remaining = nkwargs;
    for i in nargs.max(posonly)..maxargs {
        let value = if remaining > 0 { find_keyword(names[i]) } else { None };
        match value {
            Some(v) => {
                out[i] = Some(v);
                remaining -= 1;
            }
            None if i < minpos => {
                return Err(type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
            }
            None => {}
        }
    }
    if remaining > 0 {
        for (i, name) in names.iter().enumerate().take(nargs).skip(posonly) {
            if find_keyword(name).is_some() {
                return Err(type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
        }
        for (key, _) in args.kw() {
            let key_name = kw_name(key);
            if !names[posonly..].contains(&key_name) {
                return Err(type_error(format!("'{key_name}' is an invalid keyword argument for {fname}()")));
            }
        }
        // A keyword naming a positional-only parameter.
        if let Some((key, _)) = args.kw().next() {
            return Err(type_error(format!("'{}' is an invalid keyword argument for {fname}()", kw_name(key))));
        }
    }
    Ok(out)
}

/// Splits the receiver off a method's arguments. `type_name` and `method` name the
/// method for the error raised when it is called without any argument.
pub(crate) fn split_self<'a>(args: Args<'a>, type_name: &str, method: &str) -> PyResult<(StackRef, Args<'a>)> {
    if args.pos().is_empty() {
        return Err(type_error(format!("unbound method {type_name}.{method}() needs an argument")));
    }
    Ok((args.values[0], Args { values: &args.values[1..], kwnames: args.kwnames }))
}

/// The error for a method descriptor applied to an object of the wrong type.
pub(crate) fn descriptor_error(method: &str, type_name: &str, receiver: StackRef) -> crate::PyErr {
    type_error(format!(
        "descriptor '{method}' for '{type_name}' objects doesn't apply to a '{}' object",
        type_name_of(receiver)
    ))
}

/// `value` if given and not None.
pub(crate) fn not_none(value: Option<StackRef>) -> Option<StackRef> {
    value.filter(|v| *v != crate::runtime::types::none())
}

/// Splits off and type-checks the receiver of a method of a builtin type whose
/// instances hold payload `T`.
pub(crate) fn receiver<'a, T: crate::value::Payload>(
    args: Args<'a>,
    type_name: &str,
    method: &str,
) -> PyResult<(StackRef, &'static T, Args<'a>)> {
    let (this, rest) = split_self(args, type_name, method)?;
    match this.downcast::<T>() {
        Some(data) => Ok((this, data, rest)),
        None => Err(descriptor_error(method, type_name, this)),
    }
}
