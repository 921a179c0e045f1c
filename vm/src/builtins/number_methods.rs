//! Methods and read-only attributes of int and float: bit_length, bit_count,
//! as_integer_ratio, is_integer, conjugate, and real/imag/numerator/denominator.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::builtins::args::{descriptor_error, no_args, split_self};
use crate::builtins::values::{float_value, to_bigint};
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::new;
use crate::runtime::errors::{overflow_error, value_error};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub(crate) const INT_METHODS: &[(&str, BuiltinFn)] = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("conjugate", int_conjugate),
    ("as_integer_ratio", int_as_integer_ratio),
];

pub(crate) const INT_ATTRIBUTES: &[(&str, BuiltinFn)] =
    &[("real", int_real), ("imag", int_imag), ("numerator", int_real), ("denominator", int_denominator)];

pub(crate) const FLOAT_METHODS: &[(&str, BuiltinFn)] =
    &[("is_integer", float_is_integer), ("as_integer_ratio", float_as_integer_ratio), ("conjugate", float_conjugate)];

pub(crate) const FLOAT_ATTRIBUTES: &[(&str, BuiltinFn)] = &[("real", float_conjugate_attr), ("imag", float_imag)];

/// The receiver of an int method as a BigInt.
fn this_int(args: Args<'_>, method: &str) -> PyResult<BigInt> {
    let (this, rest) = split_self(args, "int", method)?;
    let value = to_bigint(this).ok_or_else(|| descriptor_error(method, "int", this))?;
    no_args(&format!("int.{method}"), &rest)?;
    Ok(value)
}

/// The receiver of a float method.
fn this_float(args: Args<'_>, method: &str) -> PyResult<f64> {
    let (this, rest) = split_self(args, "float", method)?;
    let value = float_value(this).ok_or_else(|| descriptor_error(method, "float", this))?;
    no_args(&format!("float.{method}"), &rest)?;
    Ok(value)
}

fn int_bit_length(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = this_int(args, "bit_length")?;
    Ok(new::int(value.bits() as i64))
}

fn int_bit_count(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = this_int(args, "bit_count")?;
    let ones: u64 = value.magnitude().to_u64_digits().iter().map(|d| d.count_ones() as u64).sum();
    Ok(new::int(ones as i64))
}

fn int_conjugate(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::bigint(this_int(args, "conjugate")?))
}

fn int_as_integer_ratio(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let value = this_int(args, "as_integer_ratio")?;
    Ok(new::tuple(vec![new::bigint(value), new::int(1)]))
}

fn int_real(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::bigint(this_int(args, "real")?))
}

fn int_imag(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    this_int(args, "imag")?;
    Ok(new::int(0))
}

fn int_denominator(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    this_int(args, "denominator")?;
    Ok(new::int(1))
}

fn float_is_integer(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let f = this_float(args, "is_integer")?;
    Ok(crate::runtime::types::bool_value(f.is_finite() && f.fract() == 0.0))
}

/// The exact ratio of a finite float: (numerator, positive denominator) in lowest terms.
pub(crate) fn float_ratio(f: f64) -> PyResult<(BigInt, BigInt)> {
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if f == 0.0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    let bits = f.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exponent) =
        if exponent_bits == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), exponent_bits - 1075) };
    if exponent < 0 {
        let shift = (mantissa.trailing_zeros() as i64).min(-exponent);
        mantissa >>= shift;
        exponent += shift;
    }
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::from(1);
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= (-exponent) as usize;
    }
    if f.is_sign_negative() {
        numerator = -numerator;
    }
    debug_assert!(denominator.is_positive());
    Ok((numerator, denominator))
}

fn float_as_integer_ratio(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let f = this_float(args, "as_integer_ratio")?;
    let (n, d) = float_ratio(f)?;
    Ok(new::tuple(vec![new::bigint(n), new::bigint(d)]))
}

fn float_conjugate(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::float(this_float(args, "conjugate")?))
}

fn float_conjugate_attr(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    Ok(new::float(this_float(args, "real")?))
}

fn float_imag(_vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    this_float(args, "imag")?;
    Ok(new::float(0.0))
}
