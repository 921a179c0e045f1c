//! complex: the constructor (`complex(real=0, imag=0)` and `complex(str)`),
//! `conjugate`, `__complex__`, and the `real`/`imag` attributes.

use crate::builtins::args::{descriptor_error, no_args, parse, split_self};
use crate::builtins::constructors::{float_from_value, new_receiver};
use crate::builtins::values::{as_str, bigint_to_f64, float_value, format_error, lookup_special, to_bigint};
use crate::format::{self, Complex};
use crate::heap;
use crate::objects::complex::ComplexData;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::ops::{complex_value, is_builtin_type};
use crate::runtime::errors::type_error;
use crate::runtime::types::{type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub(crate) const COMPLEX_METHODS: &[(&str, BuiltinFn)] =
    &[("conjugate", complex_conjugate), ("__complex__", complex_dunder_complex)];
pub(crate) const COMPLEX_ATTRIBUTES: &[(&str, BuiltinFn)] = &[("real", complex_real), ("imag", complex_imag)];

fn this_complex(args: Args<'_>, method: &str) -> PyResult<Complex> {
    let (this, rest) = split_self(args, "complex", method)?;
    let value = complex_value(this).ok_or_else(|| descriptor_error(method, "complex", this))?;
    no_args(&format!("complex.{method}"), &rest)?;
    Ok(value)
}

fn complex_conjugate(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (real, imag) = this_complex(args, "conjugate")?;
    Ok(new::complex(real, -imag))
}

fn complex_dunder_complex(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let this = args.pos().first().copied();
    let (real, imag) = this_complex(args, "__complex__")?;
    match this {
        Some(z) if type_of(z) == types().complex => Ok(z),
        _ => Ok(new::complex(real, imag)),
    }
}

fn complex_real(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::float(this_complex(args, "real")?.0))
}

fn complex_imag(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::float(this_complex(args, "imag")?.1))
}

/// Whether `v` converts to a number for complex(): a float, an int, a complex, or an
/// object with `__float__` or `__index__`.
fn is_number(v: StackRef) -> bool {
    matches!(v.kind(), Kind::SmallInt | Kind::BigInt | Kind::Bool | Kind::Float | Kind::Complex)
        || lookup_special(v, "__float__").is_some()
        || lookup_special(v, "__index__").is_some()
}

/// `type(x).__complex__(x)` when defined; it must return a complex.
fn complex_special(vm: &mut Vm, x: StackRef) -> PyResult<Option<StackRef>> {
    if x.kind() == Kind::Complex && is_builtin_type(type_of(x)) {
        return Ok(None);
    }
    let Some(method) = lookup_special(x, "__complex__") else { return Ok(None) };
    let result = vm.call(method, &[x])?;
    if result.kind() != Kind::Complex {
        return Err(type_error(format!("__complex__ returned non-complex (type {})", type_name_of(result))));
    }
    Ok(Some(result))
}

/// `complex(real=0, imag=0)`: `real + imag*1j` for numbers (either may itself be
/// complex), or the parse of a lone string.
pub(crate) fn complex_new(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (cls, rest) = new_receiver(args, types().complex)?;
    let [real, imag] = parse("complex", &rest, ["real", "imag"], 0, 0, 2)?;
    let exact = cls == types().complex;
    let make = |(re, im): Complex| {
        if exact {
            new::complex(re, im)
        } else {
            heap::alloc(cls, ComplexData { real: re, imag: im })
        }
    };
    let r = real.unwrap_or_else(|| new::int(0));
    if exact && imag.is_none() && type_of(r) == types().complex {
        return Ok(r);
    }
    if let Some(text) = as_str(r) {
        if imag.is_some() {
            return Err(type_error("complex() can't take second arg if first is a string"));
        }
        return format::parse_complex(text).map(make).map_err(format_error);
    }
    if imag.is_some_and(|i| as_str(i).is_some()) {
        return Err(type_error("complex() second arg can't be a string"));
    }
    let r = complex_special(vm, r)?.unwrap_or(r);
    if !is_number(r) {
        return Err(type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_name_of(r)
        )));
    }
    if let Some(i) = imag {
        if !is_number(i) {
            return Err(type_error(format!("complex() second argument must be a number, not '{}'", type_name_of(i))));
        }
    }
    let (mut re, r_imag) = match complex_value(r) {
        Some(z) => z,
        None => (number_as_float(vm, r)?, 0.0),
    };
    let mut im = match imag {
        None => r_imag,
        Some(i) => match complex_value(i) {
            Some((i_real, i_imag)) => {
                re -= i_imag;
                i_real
            }
            None => number_as_float(vm, i)?,
        },
    };
    if imag.is_some() && complex_value(r).is_some() {
        im += r_imag;
    }
    Ok(make((re, im)))
}

fn number_as_float(vm: &mut Vm, v: StackRef) -> PyResult<f64> {
    if let Some(f) = float_value(v) {
        return Ok(f);
    }
    if let Some(i) = to_bigint(v) {
        return bigint_to_f64(&i);
    }
    float_from_value(vm, v)
}
