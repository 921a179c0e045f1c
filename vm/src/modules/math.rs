//! The math module, following CPython 3.11's mathmodule.c: libm functions wrapped
//! with CPython's error rules (a NaN from a non-NaN argument is "math domain
//! error", an infinity from finite arguments is "math range error" or a domain
//! error), exact integer functions on big ints (factorial, comb, perm, gcd, lcm,
//! isqrt), and the exact `fsum` and correctly rounded `hypot`.
//!
//! Where Rust's std does not call the C library (asinh, acosh, atanh, cbrt) or has no
//! such function (erf, erfc), the glibc algorithms are ported so that results match
//! CPython bit for bit; their constants are kept exactly as published.

#![allow(clippy::excessive_precision)]

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::args::{check_positional, exactly_one, no_keywords, parse};
use crate::builtins::functions::NB_MULTIPLY;
use crate::builtins::values::{
    bigint_to_f64, float_value, for_each, format_error, index_bigint, int_i64, is_int, lookup_special, to_bigint,
    to_f64,
};
use crate::format;
use crate::heap::Handle;
use crate::modules::ModuleBuilder;
use crate::objects::function::{Args, BuiltinFn};
use crate::objects::new;
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error, value_error, zero_division};
use crate::runtime::types::{bool_value, type_name_of, type_of, types};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("sqrt", math_sqrt),
    ("exp", math_exp),
    ("exp2", math_exp2),
    ("expm1", math_expm1),
    ("cbrt", math_cbrt),
    ("log", math_log),
    ("log2", math_log2),
    ("log10", math_log10),
    ("log1p", math_log1p),
    ("sin", math_sin),
    ("cos", math_cos),
    ("tan", math_tan),
    ("asin", math_asin),
    ("acos", math_acos),
    ("atan", math_atan),
    ("atan2", math_atan2),
    ("sinh", math_sinh),
    ("cosh", math_cosh),
    ("tanh", math_tanh),
    ("asinh", math_asinh),
    ("acosh", math_acosh),
    ("atanh", math_atanh),
    ("hypot", math_hypot),
    ("dist", math_dist),
    ("degrees", math_degrees),
    ("radians", math_radians),
    ("floor", math_floor),
    ("ceil", math_ceil),
    ("trunc", math_trunc),
    ("fabs", math_fabs),
    ("pow", math_pow),
    ("gcd", math_gcd),
    ("lcm", math_lcm),
    ("isqrt", math_isqrt),
    ("factorial", math_factorial),
    ("comb", math_comb),
    ("perm", math_perm),
    ("isfinite", math_isfinite),
    ("isinf", math_isinf),
    ("isnan", math_isnan),
    ("copysign", math_copysign),
    ("fmod", math_fmod),
    ("remainder", math_remainder),
    ("modf", math_modf),
    ("frexp", math_frexp),
    ("ldexp", math_ldexp),
    ("prod", math_prod),
    ("fsum", math_fsum),
    ("isclose", math_isclose),
    ("nextafter", math_nextafter),
    ("ulp", math_ulp),
    ("gamma", math_gamma),
    ("lgamma", math_lgamma),
    ("erf", math_erf),
    ("erfc", math_erfc),
];

pub(crate) fn create() -> StackRef {
    let module = ModuleBuilder::new("math");
    module.functions(FUNCTIONS);
    module.value("pi", new::float(std::f64::consts::PI));
    module.value("e", new::float(std::f64::consts::E));
    module.value("tau", new::float(std::f64::consts::TAU));
    module.value("inf", new::float(f64::INFINITY));
    module.value("nan", new::float(f64::NAN));
    module.finish()
}

fn domain_error() -> crate::PyErr {
    value_error("math domain error")
}

fn range_error() -> crate::PyErr {
    overflow_error("math range error")
}

/// CPython's `math_1` rules for a one-argument libm function.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(r)
}

const LN2: f64 = std::f64::consts::LN_2;

/// glibc's asinh (fdlibm): Rust's own formula rounds differently for large values.
fn glibc_asinh(x: f64) -> f64 {
    let ix = ((x.to_bits() >> 32) as u32) & 0x7fff_ffff;
    if ix < 0x3e30_0000 {
        return x;
    }
    let w = if ix > 0x41b0_0000 {
        if ix >= 0x7ff0_0000 {
            return x + x;
        }
        x.abs().ln() + LN2
    } else {
        let xa = x.abs();
        if ix > 0x4000_0000 {
            (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
        } else {
            let t = xa * xa;
            (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
        }
    };
    w.copysign(x)
}

/// glibc's acosh (fdlibm, 64-bit word comparisons).
fn glibc_acosh(x: f64) -> f64 {
    let hx = x.to_bits() as i64;
    if hx > 0x4000_0000_0000_0000 {
        if hx >= 0x41b0_0000_0000_0000 {
            if hx >= 0x7ff0_0000_0000_0000 {
                return x + x;
            }
            return x.ln() + LN2;
        }
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    if hx > 0x3ff0_0000_0000_0000 {
        let t = x - 1.0;
        return (t + (2.0 * t + t * t).sqrt()).ln_1p();
    }
    if hx == 0x3ff0_0000_0000_0000 {
        return 0.0;
    }
    f64::NAN
}

/// glibc's atanh.
fn glibc_atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < f64::from_bits(0x3e30_0000_0000_0000) {
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 || xa.is_nan() {
        return if x.is_nan() { x } else { f64::NAN };
    } else {
        return x / 0.0;
    };
    t.copysign(x)
}

/// glibc's cbrt (which CPython calls): a polynomial guess refined by one Halley
/// step, with the exponent split by three.
fn glibc_cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648;
    const SQR_CBRT2: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + ((-2.11499494167371287
                + ((2.44693122563534430
                    + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp(if x > 0.0 { ym } else { -ym }, xe / 3)
}

/// CPython's `math_2` rules for a two-argument libm function.
fn math_2(x: f64, y: f64, r: f64) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}

macro_rules! math1 {
    ($fn_name:ident, $py_name:literal, $f:expr, $can_overflow:expr) => {
        fn $fn_name(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
            let x = exactly_one(concat!("math.", $py_name), &args)?;
            let x = to_f64(vm, x)?;
            Ok(new::float(math_1(x, $f, $can_overflow)?))
        }
    };
}

math1!(math_sqrt, "sqrt", f64::sqrt, false);
math1!(math_exp, "exp", f64::exp, true);
math1!(math_exp2, "exp2", f64::exp2, true);
math1!(math_expm1, "expm1", f64::exp_m1, true);
math1!(math_cbrt, "cbrt", glibc_cbrt, false);
math1!(math_log1p, "log1p", f64::ln_1p, false);
math1!(math_sin, "sin", f64::sin, false);
math1!(math_cos, "cos", f64::cos, false);
math1!(math_tan, "tan", f64::tan, false);
math1!(math_asin, "asin", f64::asin, false);
math1!(math_acos, "acos", f64::acos, false);
math1!(math_atan, "atan", f64::atan, false);
math1!(math_sinh, "sinh", f64::sinh, true);
math1!(math_cosh, "cosh", f64::cosh, true);
math1!(math_tanh, "tanh", f64::tanh, false);
math1!(math_asinh, "asinh", glibc_asinh, false);
math1!(math_acosh, "acosh", glibc_acosh, false);
math1!(math_atanh, "atanh", glibc_atanh, false);
math1!(math_fabs, "fabs", f64::abs, false);

/// Two float arguments of a `math_2`-style function.
fn two_floats(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    no_keywords(&format!("math.{name}"), args)?;
    check_positional(name, args.pos().len(), 2, 2)?;
    let x = to_f64(vm, args.pos()[0])?;
    let y = to_f64(vm, args.pos()[1])?;
    Ok((x, y))
}

fn math_atan2(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (y, x) = two_floats(vm, &args, "atan2")?;
    Ok(new::float(math_2(y, x, y.atan2(x))?))
}

fn math_copysign(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (x, y) = two_floats(vm, &args, "copysign")?;
    Ok(new::float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (x, y) = two_floats(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(new::float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(new::float(r))
}

/// IEEE 754 remainder (CPython's `m_remainder`).
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn math_remainder(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (x, y) = two_floats(vm, &args, "remainder")?;
    Ok(new::float(math_2(x, y, remainder(x, y))?))
}

/// `math.pow`: C99 pow with CPython's handling of special values and errors.
fn float_pow(x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain_error() } else { range_error() });
    }
    Ok(r)
}

fn math_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (x, y) = two_floats(vm, &args, "pow")?;
    Ok(new::float(float_pow(x, y)?))
}

fn math_degrees(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.degrees", &args)?;
    let x = to_f64(vm, x)?;
    Ok(new::float(x * (180.0 / std::f64::consts::PI)))
}

fn math_radians(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.radians", &args)?;
    let x = to_f64(vm, x)?;
    Ok(new::float(x * (std::f64::consts::PI / 180.0)))
}

/// `frexp`: (m, e) with x == m * 2**e and 0.5 <= |m| < 1 (x itself, 0 for zeros,
/// infinities and NaNs).
fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent_field = ((bits >> 52) & 0x7ff) as i64;
    if exponent_field == 0 {
        // Subnormal: scale into the normal range first (exact).
        let (m, e) = frexp(x * f64::from_bits((1023u64 + 54) << 52));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exponent_field - 1022)
}

/// `ldexp`: x * 2**e rounded once (infinite on overflow, signed zero on underflow).
fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = frexp(x);
    let new_e = ex.saturating_add(e);
    if new_e > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if new_e >= -1021 {
        // m in [0.5, 1): the biased exponent field of m * 2**new_e is new_e + 1022.
        let bits = (m.to_bits() & !(0x7ffu64 << 52)) | (((new_e + 1022) as u64) << 52);
        return f64::from_bits(bits);
    }
    // Subnormal result: round the 53-bit significand to the subnormal grid.
    let significand = (m.abs() * (1u64 << 53) as f64) as u64;
    let shift = -1074 - (new_e - 53);
    if shift > 54 {
        return 0.0f64.copysign(x);
    }
    let shift = shift as u32;
    let mut q = significand >> shift;
    let rem = significand & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rem > half || (rem == half && q & 1 == 1) {
        q += 1;
    }
    f64::from_bits(q).copysign(x)
}

fn math_frexp(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.frexp", &args)?;
    let x = to_f64(vm, x)?;
    let (m, e) = frexp(x);
    Ok(new::tuple(vec![new::float(m), new::int(e)]))
}

fn math_ldexp(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("math.ldexp", &args)?;
    check_positional("ldexp", args.pos().len(), 2, 2)?;
    let x = to_f64(vm, args.pos()[0])?;
    let i = args.pos()[1];
    if !is_int(i) {
        return Err(type_error("Expected an int as second argument to ldexp."));
    }
    let i = to_bigint(i).expect("int");
    let exp = i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if exp > i32::MAX as i64 {
        return Err(range_error());
    } else if exp < i32::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        let r = ldexp(x, exp);
        if r.is_infinite() {
            return Err(range_error());
        }
        r
    };
    Ok(new::float(r))
}

fn math_modf(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.modf", &args)?;
    let x = to_f64(vm, x)?;
    let (frac, whole) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let whole = x.trunc();
        ((x - whole).copysign(x), whole)
    };
    Ok(new::tuple(vec![new::float(frac), new::float(whole)]))
}

/// log(x) of a positive big int that may not fit a float: log(m) + e*log(2).
fn int_log(value: &BigInt, f: fn(f64) -> f64) -> PyResult<f64> {
    if !value.is_positive() {
        return Err(domain_error());
    }
    match bigint_to_f64(value) {
        Ok(x) => Ok(f(x)),
        Err(_) => {
            // Round the top 53 bits half-even: value ~= m * 2**e with 0.5 <= m < 1.
            let bits = value.bits();
            let shift = bits - 53;
            let mut top: BigInt = value >> shift;
            let remainder = value - (&top << shift);
            let half = BigInt::one() << (shift - 1);
            if remainder > half || (remainder == half && top.is_odd()) {
                top += 1;
            }
            let mut e = bits as f64;
            let mut m = top.to_f64().expect("53 bits") / (1u64 << 53) as f64;
            if m >= 1.0 {
                m /= 2.0;
                e += 1.0;
            }
            Ok(f(m) + f(2.0) * e)
        }
    }
}

/// CPython's `m_log`-style wrappers: log of a non-positive finite value is a
/// domain error, log(inf) = inf, log(nan) = nan.
fn log_of(vm: &mut Vm, x: StackRef, f: fn(f64) -> f64) -> PyResult<f64> {
    if is_int(x) {
        return int_log(&to_bigint(x).expect("int"), f);
    }
    let x = to_f64(vm, x)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    if x.is_infinite() {
        return Ok(x);
    }
    Ok(f(x))
}

fn math_log(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("math.log", &args)?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, pos[0], f64::ln)?;
    if pos.len() == 1 {
        return Ok(new::float(num));
    }
    let den = log_of(vm, pos[1], f64::ln)?;
    if den == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(new::float(num / den))
}

fn math_log2(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.log2", &args)?;
    Ok(new::float(log_of(vm, x, f64::log2)?))
}

fn math_log10(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.log10", &args)?;
    Ok(new::float(log_of(vm, x, f64::log10)?))
}

/// floor/ceil: exact floats directly, then `__floor__`/`__ceil__`, then float().
fn rounding(vm: &mut Vm, args: &Args<'_>, name: &str, special: &str, f: fn(f64) -> f64) -> PyResult<StackRef> {
    let x = exactly_one(&format!("math.{name}"), args)?;
    if is_int(x) {
        return Ok(new::bigint(to_bigint(x).expect("int")));
    }
    let value = match float_value(x) {
        Some(v) if type_of(x) == types().float => v,
        _ => {
            if let Some(method) = lookup_special(x, special) {
                return vm.call(method, &[x]);
            }
            to_f64(vm, x)?
        }
    };
    Ok(new::bigint(format::float_to_int(f(value)).map_err(format_error)?))
}

fn math_floor(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    rounding(vm, &args, "floor", "__floor__", f64::floor)
}

fn math_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    rounding(vm, &args, "ceil", "__ceil__", f64::ceil)
}

fn math_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.trunc", &args)?;
    if is_int(x) {
        return Ok(new::bigint(to_bigint(x).expect("int")));
    }
    if let Some(v) = float_value(x) {
        if lookup_special(x, "__trunc__").is_none() || type_of(x) == types().float {
            return Ok(new::bigint(format::float_to_int(v.trunc()).map_err(format_error)?));
        }
    }
    match lookup_special(x, "__trunc__") {
        Some(method) => vm.call(method, &[x]),
        None => Err(type_error(format!("type {} doesn't define __trunc__ method", type_name_of(x)))),
    }
}

fn float_predicate(vm: &mut Vm, args: &Args<'_>, name: &str, test: fn(f64) -> bool) -> PyResult<StackRef> {
    let x = exactly_one(&format!("math.{name}"), args)?;
    let x = to_f64(vm, x)?;
    Ok(bool_value(test(x)))
}

fn math_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    float_predicate(vm, &args, "isfinite", f64::is_finite)
}

fn math_isinf(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    float_predicate(vm, &args, "isinf", f64::is_infinite)
}

fn math_isnan(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    float_predicate(vm, &args, "isnan", f64::is_nan)
}

/// The exact error of a product, and of a sum with |a| >= |b| (CPython's dl_mul
/// and dl_fast_sum).
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// CPython's `vector_norm`: the correctly rounded (nearly always) Euclidean norm of
/// non-negative coordinates whose maximum is `max`.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for v in vec.iter() {
        let x = v * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.0);
        csum = sm.0;
        frac1 += pr.1;
        frac2 += sm.1;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.0);
    csum = sm.0;
    frac1 += pr.1;
    frac2 += sm.1;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// Norm of coordinates given as absolute values.
fn norm_of(mut coordinates: Vec<f64>) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for c in &coordinates {
        found_nan |= c.is_nan();
        if *c > max {
            max = *c;
        }
    }
    vector_norm(&mut coordinates, max, found_nan)
}

fn math_hypot(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("math.hypot", &args)?;
    let mut coordinates = Vec::with_capacity(args.pos().len());
    for v in args.pos() {
        coordinates.push(to_f64(vm, *v)?.abs());
    }
    Ok(new::float(norm_of(coordinates)))
}

fn math_dist(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("math.dist", &args)?;
    check_positional("dist", args.pos().len(), 2, 2)?;
    let p = crate::builtins::values::collect_items(vm, args.pos()[0])?;
    let q = crate::builtins::values::collect_items(vm, args.pos()[1])?;
    if p.len() != q.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        let a = to_f64(vm, a.get())?;
        let b = to_f64(vm, b.get())?;
        diffs.push((a - b).abs());
    }
    Ok(new::float(norm_of(diffs)))
}

fn math_gcd(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("math.gcd", &args)?;
    let mut result = BigInt::zero();
    for v in args.pos() {
        let x = index_bigint(vm, *v)?;
        result = result.gcd(&x);
    }
    Ok(new::bigint(result))
}

fn math_lcm(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("math.lcm", &args)?;
    let mut result = BigInt::one();
    for v in args.pos() {
        let x = index_bigint(vm, *v)?;
        if result.is_zero() || x.is_zero() {
            result = BigInt::zero();
            continue;
        }
        result = result.lcm(&x);
    }
    Ok(new::bigint(result.abs()))
}

fn math_isqrt(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let n = exactly_one("math.isqrt", &args)?;
    let n = index_bigint(vm, n)?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(new::bigint(n.sqrt()))
}

/// The product lo * (lo+1) * ... * hi (1 when empty), by binary splitting.
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        let mut small: u128 = 1;
        for i in lo..=hi {
            match small.checked_mul(i as u128) {
                Some(p) if p < (1u128 << 100) => small = p,
                _ => {
                    acc *= small;
                    small = i as u128;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn factorial_of(n: &BigInt) -> PyResult<BigInt> {
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    match n.to_i64() {
        Some(n) => Ok(product_range(1, n as u64)),
        None => Err(overflow_error(format!("factorial() argument should not exceed {}", i64::MAX))),
    }
}

fn math_factorial(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let n = exactly_one("math.factorial", &args)?;
    let n = index_bigint(vm, n)?;
    Ok(new::bigint(factorial_of(&n)?))
}

fn math_comb(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("math.comb", &args)?;
    check_positional("comb", args.pos().len(), 2, 2)?;
    let n = index_bigint(vm, args.pos()[0])?;
    let k = index_bigint(vm, args.pos()[1])?;
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(new::int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = k
        .to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)))?;
    if k == 0 {
        return Ok(new::int(1));
    }
    if let Some(n) = n.to_u64() {
        return Ok(new::bigint(product_range(n - k + 1, n) / product_range(1, k)));
    }
    let mut result = BigInt::one();
    for i in 0..k {
        result = result * (&n - BigInt::from(i)) / BigInt::from(i + 1);
    }
    Ok(new::bigint(result))
}

fn math_perm(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    no_keywords("math.perm", &args)?;
    check_positional("perm", args.pos().len(), 1, 2)?;
    let n = index_bigint(vm, args.pos()[0])?;
    let k = match args.pos().get(1) {
        Some(k) if *k != types().none => index_bigint(vm, *k)?,
        _ => return Ok(new::bigint(factorial_of(&n)?)),
    };
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(new::int(0));
    }
    let k = k
        .to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| overflow_error(format!("k must not exceed {}", i64::MAX)))?;
    if let Some(n) = n.to_u64() {
        return Ok(new::bigint(product_range(n - k + 1, n)));
    }
    let mut result = BigInt::one();
    for i in 0..k {
        result *= &n - BigInt::from(i);
    }
    Ok(new::bigint(result))
}

/// The running product of `prod()`, mirroring CPython's int and float fast paths.
enum Product {
    Int(i64),
    Float(f64),
    Object(Handle),
}

fn math_prod(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let [iterable, start] = parse("prod", &args, ["iterable", "start"], 1, 1, 1)?;
    let iterable = iterable.expect("required");
    let start = start.unwrap_or_else(|| new::int(1));
    let exact_float = |v: StackRef| type_of(v) == types().float;
    let exact_int = |v: StackRef| type_of(v) == types().int;
    let mut total = match int_i64(start) {
        Some(i) if exact_int(start) => Product::Int(i),
        _ if exact_float(start) => Product::Float(float_value(start).expect("float")),
        _ => Product::Object(Handle::new(start)),
    };
    for_each(vm, iterable, |vm, item| {
        match &mut total {
            Product::Int(acc) => {
                if let Some(p) = int_i64(item).and_then(|b| acc.checked_mul(b)) {
                    *acc = p;
                    return Ok(true);
                }
                let acc_value = new::int(*acc);
                let result = Handle::new(ops::binary_op(vm, NB_MULTIPLY, acc_value, item)?);
                total = if exact_float(result.get()) {
                    Product::Float(float_value(result.get()).expect("float"))
                } else {
                    Product::Object(result)
                };
            }
            Product::Float(acc) => {
                if exact_float(item) {
                    *acc *= float_value(item).expect("float");
                    return Ok(true);
                }
                if exact_int(item) {
                    if let Some(i) = int_i64(item) {
                        *acc *= i as f64;
                        return Ok(true);
                    }
                }
                let acc_value = new::float(*acc);
                let result = Handle::new(ops::binary_op(vm, NB_MULTIPLY, acc_value, item)?);
                total = Product::Object(result);
            }
            Product::Object(acc) => {
                let result = Handle::new(ops::binary_op(vm, NB_MULTIPLY, acc.get(), item)?);
                *acc = result;
            }
        }
        Ok(true)
    })?;
    Ok(match total {
        Product::Int(i) => new::int(i),
        Product::Float(f) => new::float(f),
        Product::Object(h) => h.get(),
    })
}

/// Shewchuk's exact summation with CPython's final half-even correction (msum).
struct ExactSum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl ExactSum {
    fn new() -> ExactSum {
        ExactSum { partials: Vec::new(), special_sum: 0.0, inf_sum: 0.0 }
    }

    fn add(&mut self, value: f64) -> PyResult<()> {
        let mut x = value;
        let xsave = x;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From overflow, or from an infinity or NaN among the values.
                if xsave.is_finite() {
                    return Err(overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    self.inf_sum += xsave;
                }
                self.special_sum += xsave;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    fn result(mut self) -> PyResult<f64> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(value_error("-inf + inf in fsum"));
            }
            return Ok(self.special_sum);
        }
        let p = &mut self.partials;
        let mut n = p.len();
        let mut hi = 0.0f64;
        if n > 0 {
            n -= 1;
            hi = p[n];
            let mut lo = 0.0f64;
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

fn math_fsum(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let iterable = exactly_one("math.fsum", &args)?;
    let mut sum = ExactSum::new();
    for_each(vm, iterable, |vm, item| {
        let x = match float_value(item) {
            Some(f) => f,
            None => to_f64(vm, item)?,
        };
        sum.add(x)?;
        Ok(true)
    })?;
    Ok(new::float(sum.result()?))
}

fn math_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let [a, b, rel_tol, abs_tol] = parse("isclose", &args, ["a", "b", "rel_tol", "abs_tol"], 2, 2, 2)?;
    let a = to_f64(vm, a.expect("required"))?;
    let b = to_f64(vm, b.expect("required"))?;
    let rel_tol = match rel_tol {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match abs_tol {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(types().true_);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(types().false_);
    }
    let diff = (b - a).abs();
    Ok(bool_value(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

fn math_nextafter(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let (x, y) = two_floats(vm, &args, "nextafter")?;
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if x < y {
        x.next_up()
    } else {
        x.next_down()
    };
    Ok(new::float(r))
}

fn math_ulp(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.ulp", &args)?;
    let x = to_f64(vm, x)?;
    if x.is_nan() {
        return Ok(new::float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(new::float(x));
    }
    let next = x.next_up();
    if next.is_infinite() {
        return Ok(new::float(x - x.next_down()));
    }
    Ok(new::float(next - x))
}

/// errno as CPython's libm wrappers set it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    None,
    Domain,
    Range,
}

/// CPython's `math_1a` / `is_error`: EDOM is a ValueError, ERANGE an OverflowError
/// unless the result is below 1 in magnitude (an underflow).
fn checked(r: f64, errno: Errno) -> PyResult<f64> {
    match errno {
        Errno::None => Ok(r),
        Errno::Domain => Err(domain_error()),
        Errno::Range if r.abs() < 1.0 => Ok(r),
        Errno::Range => Err(range_error()),
    }
}

const LOG_PI: f64 = 1.144_729_885_849_400_2;
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM_COEFFS: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN_COEFFS: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// sin(pi*x), accurate near integers (CPython's `m_sinpi`).
fn sinpi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// CPython's `m_tgamma`.
fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::None);
        }
        return (f64::NAN, Errno::Domain);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Domain);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { Errno::Range } else { Errno::None });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::None);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::None })
}

/// CPython's `m_lgamma`.
fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::None);
        }
        return (f64::INFINITY, Errno::None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Domain);
        }
        return (0.0, Errno::None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::None);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::None })
}

/// The coefficients of fdlibm's s_erf.c (as in glibc, whose erf CPython calls).
mod erf_coefficients {
    pub const ERX: f64 = 8.45062911510467529297e-01;
    pub const EFX: f64 = 1.28379167095512586316e-01;
    pub const PP0: f64 = 1.28379167095512558561e-01;
    pub const PP1: f64 = -3.25042107247001499370e-01;
    pub const PP2: f64 = -2.84817495755985104766e-02;
    pub const PP3: f64 = -5.77027029648944159157e-03;
    pub const PP4: f64 = -2.37630166566501626084e-05;
    pub const QQ1: f64 = 3.97917223959155352819e-01;
    pub const QQ2: f64 = 6.50222499887672944485e-02;
    pub const QQ3: f64 = 5.08130628187576562776e-03;
    pub const QQ4: f64 = 1.32494738004321644526e-04;
    pub const QQ5: f64 = -3.96022827877536812320e-06;
    pub const PA0: f64 = -2.36211856075265944077e-03;
    pub const PA1: f64 = 4.14856118683748331666e-01;
    pub const PA2: f64 = -3.72207876035701323847e-01;
    pub const PA3: f64 = 3.18346619901161753674e-01;
    pub const PA4: f64 = -1.10894694282396677476e-01;
    pub const PA5: f64 = 3.54783043256182359371e-02;
    pub const PA6: f64 = -2.16637559486879084300e-03;
    pub const QA1: f64 = 1.06420880400844228286e-01;
    pub const QA2: f64 = 5.40397917702171048937e-01;
    pub const QA3: f64 = 7.18286544141962662868e-02;
    pub const QA4: f64 = 1.26171219808761642112e-01;
    pub const QA5: f64 = 1.36370839120290507362e-02;
    pub const QA6: f64 = 1.19844998467991074170e-02;
    pub const RA0: f64 = -9.86494403484714822705e-03;
    pub const RA1: f64 = -6.93858572707181764372e-01;
    pub const RA2: f64 = -1.05586262253232909814e+01;
    pub const RA3: f64 = -6.23753324503260060396e+01;
    pub const RA4: f64 = -1.62396669462573470355e+02;
    pub const RA5: f64 = -1.84605092906711035994e+02;
    pub const RA6: f64 = -8.12874355063065934246e+01;
    pub const RA7: f64 = -9.81432934416914548592e+00;
    pub const SA1: f64 = 1.96512716674392571292e+01;
    pub const SA2: f64 = 1.37657754143519042600e+02;
    pub const SA3: f64 = 4.34565877475229228821e+02;
    pub const SA4: f64 = 6.45387271733267880336e+02;
    pub const SA5: f64 = 4.29008140027567833386e+02;
    pub const SA6: f64 = 1.08635005541779435134e+02;
    pub const SA7: f64 = 6.57024977031928170135e+00;
    pub const SA8: f64 = -6.04244152148580987438e-02;
    pub const RB0: f64 = -9.86494292470009928597e-03;
    pub const RB1: f64 = -7.99283237680523006574e-01;
    pub const RB2: f64 = -1.77579549177547519889e+01;
    pub const RB3: f64 = -1.60636384855821916062e+02;
    pub const RB4: f64 = -6.37566443368389627722e+02;
    pub const RB5: f64 = -1.02509513161107724954e+03;
    pub const RB6: f64 = -4.83519191608651397019e+02;
    pub const SB1: f64 = 3.03380607434824582924e+01;
    pub const SB2: f64 = 3.25792512996573918826e+02;
    pub const SB3: f64 = 1.53672958608443695994e+03;
    pub const SB4: f64 = 3.19985821950859553908e+03;
    pub const SB5: f64 = 2.55305040643316442583e+03;
    pub const SB6: f64 = 4.74528541206955367215e+02;
    pub const SB7: f64 = -2.24409524465858183362e+01;
}

/// The high 32 bits of a double, as fdlibm's GET_HIGH_WORD.
fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as u32 as i32
}

/// erf/erfc share this: P/Q on [0, 0.84375) in x*x (glibc's evaluation order).
fn erf_small_ratio(z: f64) -> f64 {
    use erf_coefficients::*;
    let r1 = PP0 + z * PP1;
    let z2 = z * z;
    let r2 = PP2 + z * PP3;
    let z4 = z2 * z2;
    let s1 = 1.0 + z * QQ1;
    let s2 = QQ2 + z * QQ3;
    let s3 = QQ4 + z * QQ5;
    let r = r1 + z2 * r2 + z4 * PP4;
    let s = s1 + z2 * s2 + z4 * s3;
    r / s
}

/// P and Q on [0.84375, 1.25) in s = |x| - 1.
fn erf_middle(s: f64) -> (f64, f64) {
    use erf_coefficients::*;
    let p1 = PA0 + s * PA1;
    let s2 = s * s;
    let q1 = 1.0 + s * QA1;
    let s4 = s2 * s2;
    let p2 = PA2 + s * PA3;
    let s6 = s4 * s2;
    let q2 = QA2 + s * QA3;
    let p3 = PA4 + s * PA5;
    let q3 = QA4 + s * QA5;
    let p = p1 + s2 * p2 + s4 * p3 + s6 * PA6;
    let q = q1 + s2 * q2 + s4 * q3 + s6 * QA6;
    (p, q)
}

/// R/S for the tail in s = 1/(x*x); `near` selects the [1.25, 1/0.35) fit.
fn erf_tail_ratio(s: f64, near: bool) -> f64 {
    use erf_coefficients::*;
    let s2 = s * s;
    let s4 = s2 * s2;
    let s6 = s4 * s2;
    if near {
        let r1 = RA0 + s * RA1;
        let t1 = 1.0 + s * SA1;
        let r2 = RA2 + s * RA3;
        let s8 = s4 * s4;
        let t2 = SA2 + s * SA3;
        let r3 = RA4 + s * RA5;
        let t3 = SA4 + s * SA5;
        let r4 = RA6 + s * RA7;
        let t4 = SA6 + s * SA7;
        let r = r1 + s2 * r2 + s4 * r3 + s6 * r4;
        let t = t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA8;
        r / t
    } else {
        let r1 = RB0 + s * RB1;
        let t1 = 1.0 + s * SB1;
        let r2 = RB2 + s * RB3;
        let t2 = SB2 + s * SB3;
        let r3 = RB4 + s * RB5;
        let t3 = SB4 + s * SB5;
        let t4 = SB6 + s * SB7;
        let r = r1 + s2 * r2 + s4 * r3 + s6 * RB6;
        let t = t1 + s2 * t2 + s4 * t3 + s6 * t4;
        r / t
    }
}

/// exp(-x*x - 0.5625 + ratio) computed as fdlibm does (x >= 0).
fn erf_tail_exp(x: f64, ratio: f64) -> f64 {
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    (-z * z - 0.5625).exp() * ((z - x) * (z + x) + ratio).exp()
}

/// fdlibm's erf with glibc's polynomial evaluation order.
fn erf(x: f64) -> f64 {
    use erf_coefficients::*;
    const TINY: f64 = 1e-300;
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        let i = (((hx as u32) >> 31) << 1) as i32;
        return (1 - i) as f64 + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3e30_0000 {
            if ix < 0x0080_0000 {
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        return x + x * erf_small_ratio(x * x);
    }
    if ix < 0x3ff4_0000 {
        let (p, q) = erf_middle(x.abs() - 1.0);
        return if hx >= 0 { ERX + p / q } else { -ERX - p / q };
    }
    if ix >= 0x4018_0000 {
        return if hx >= 0 { 1.0 - TINY } else { TINY - 1.0 };
    }
    let xa = x.abs();
    let s = 1.0 / (xa * xa);
    let r = erf_tail_exp(xa, erf_tail_ratio(s, ix < 0x4006_DB6E));
    if hx >= 0 {
        1.0 - r / xa
    } else {
        r / xa - 1.0
    }
}

/// fdlibm's erfc with glibc's polynomial evaluation order.
fn erfc(x: f64) -> f64 {
    use erf_coefficients::*;
    const TINY: f64 = 1e-300;
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return ((((hx as u32) >> 31) << 1) as f64) + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3c70_0000 {
            return 1.0 - x;
        }
        let y = erf_small_ratio(x * x);
        if hx < 0x3fd0_0000 {
            return 1.0 - (x + x * y);
        }
        let mut r = x * y;
        r += x - 0.5;
        return 0.5 - r;
    }
    if ix < 0x3ff4_0000 {
        let (p, q) = erf_middle(x.abs() - 1.0);
        return if hx >= 0 { (1.0 - ERX) - p / q } else { 1.0 + (ERX + p / q) };
    }
    if ix < 0x403c_0000 {
        let xa = x.abs();
        let s = 1.0 / (xa * xa);
        if ix >= 0x4006_DB6D && hx < 0 && ix >= 0x4018_0000 {
            return 2.0 - TINY;
        }
        let r = erf_tail_exp(xa, erf_tail_ratio(s, ix < 0x4006_DB6D));
        return if hx > 0 { r / xa } else { 2.0 - r / xa };
    }
    if hx > 0 {
        TINY * TINY
    } else {
        2.0 - TINY
    }
}

fn math_gamma(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.gamma", &args)?;
    let x = to_f64(vm, x)?;
    let (r, errno) = tgamma(x);
    Ok(new::float(checked(r, errno)?))
}

fn math_lgamma(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.lgamma", &args)?;
    let x = to_f64(vm, x)?;
    let (r, errno) = lgamma(x);
    Ok(new::float(checked(r, errno)?))
}

fn math_erf(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.erf", &args)?;
    let x = to_f64(vm, x)?;
    Ok(new::float(erf(x)))
}

fn math_erfc(vm: &mut Vm, args: Args<'_>) -> PyResult<StackRef> {
    let x = exactly_one("math.erfc", &args)?;
    let x = to_f64(vm, x)?;
    Ok(new::float(erfc(x)))
}
