//! BINARY_OP and its int, float and str specializations. The int ops deopt when the
//! result leaves the tagged range, so that the generic path promotes to a big int.

use crate::objects::float::FloatData;
use crate::objects::new;
use crate::objects::str::StrData;
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

pub fn binary_op(vm: &mut Vm, oparg: u32, lhs: StackRef, rhs: StackRef) -> PyResult<StackRef> {
    crate::ops::binary_op(vm, oparg, lhs, rhs)
}

#[inline(always)]
pub fn guard_both_int(left: StackRef, right: StackRef) -> bool {
    left.is_small_int() && right.is_small_int()
}

#[inline(always)]
pub fn guard_both_float(left: StackRef, right: StackRef) -> bool {
    left.is_kind(crate::objects::kind::Kind::Float) && right.is_kind(crate::objects::kind::Kind::Float)
}

#[inline(always)]
pub fn guard_both_str(left: StackRef, right: StackRef) -> bool {
    left.is_kind(crate::objects::kind::Kind::Str) && right.is_kind(crate::objects::kind::Kind::Str)
}

#[inline(always)]
pub fn binary_op_add_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    StackRef::small_int(left.small_int_value() + right.small_int_value())
}

#[inline(always)]
pub fn binary_op_subtract_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    StackRef::small_int(left.small_int_value() - right.small_int_value())
}

#[inline(always)]
pub fn binary_op_multiply_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    left.small_int_value().checked_mul(right.small_int_value()).and_then(StackRef::small_int)
}

/// `left // right` on small ints, rounding toward negative infinity; None for a zero
/// divisor (tier 1 raises) or a result beyond the small-int range.
#[inline(always)]
pub fn binary_op_floor_divide_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    let (a, b) = (left.small_int_value(), right.small_int_value());
    if b == 0 {
        return None;
    }
    let (q, r) = (a / b, a % b);
    let q = if r != 0 && (r < 0) != (b < 0) { q - 1 } else { q };
    StackRef::small_int(q)
}

/// `left % right` on small ints, with the sign of the divisor; None for a zero divisor.
#[inline(always)]
pub fn binary_op_remainder_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    let (a, b) = (left.small_int_value(), right.small_int_value());
    if b == 0 {
        return None;
    }
    let r = a % b;
    let r = if r != 0 && (r < 0) != (b < 0) { r + b } else { r };
    StackRef::small_int(r)
}

#[inline(always)]
pub fn binary_op_and_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    StackRef::small_int(left.small_int_value() & right.small_int_value())
}

#[inline(always)]
pub fn binary_op_or_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    StackRef::small_int(left.small_int_value() | right.small_int_value())
}

#[inline(always)]
pub fn binary_op_xor_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    StackRef::small_int(left.small_int_value() ^ right.small_int_value())
}

/// `a >> n` rounds toward negative infinity, as an arithmetic shift does; counts past
/// the width give 0 or -1.
#[inline(always)]
pub fn binary_op_rshift_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    let (a, n) = (left.small_int_value(), right.small_int_value());
    if n < 0 {
        return None;
    }
    StackRef::small_int(a >> n.min(63))
}

#[inline(always)]
pub fn binary_op_lshift_int(left: StackRef, right: StackRef) -> Option<StackRef> {
    let (a, n) = (left.small_int_value(), right.small_int_value());
    if !(0..63).contains(&n) {
        return None;
    }
    let shifted = a << n;
    if shifted >> n != a {
        return None;
    }
    StackRef::small_int(shifted)
}

#[inline(always)]
fn floats(left: StackRef, right: StackRef) -> (f64, f64) {
    let value = |v: StackRef| v.downcast::<FloatData>().expect("checked by _GUARD_BOTH_FLOAT").value;
    (value(left), value(right))
}

#[inline(always)]
pub fn binary_op_add_float(left: StackRef, right: StackRef) -> StackRef {
    let (a, b) = floats(left, right);
    new::float(a + b)
}

#[inline(always)]
pub fn binary_op_subtract_float(left: StackRef, right: StackRef) -> StackRef {
    let (a, b) = floats(left, right);
    new::float(a - b)
}

#[inline(always)]
pub fn binary_op_multiply_float(left: StackRef, right: StackRef) -> StackRef {
    let (a, b) = floats(left, right);
    new::float(a * b)
}

/// Deopts on a zero divisor so that the generic path raises ZeroDivisionError.
#[inline(always)]
pub fn binary_op_true_divide_float(left: StackRef, right: StackRef) -> Option<StackRef> {
    let (a, b) = floats(left, right);
    if b == 0.0 {
        None
    } else {
        Some(new::float(a / b))
    }
}

/// The largest int magnitude an f64 holds exactly.
pub const EXACT_INT_IN_F64: i64 = 1 << 53;

/// `left / right` for small ints and floats, not both floats: an int converts to the
/// nearest float, as Python converts it. Two ints must lie within 2**53 (then the
/// quotient of the converted values is the correctly rounded one Python computes).
/// None for other values and for a zero divisor.
#[inline(always)]
pub fn binary_op_true_divide_numbers(left: StackRef, right: StackRef) -> Option<StackRef> {
    let both_ints = left.is_small_int() && right.is_small_int();
    let value = |v: StackRef| -> Option<f64> {
        if v.is_small_int() {
            let i = v.small_int_value();
            if both_ints && i.abs() > EXACT_INT_IN_F64 {
                return None;
            }
            Some(i as f64)
        } else {
            v.downcast::<FloatData>().map(|f| f.value)
        }
    };
    let (a, b) = (value(left)?, value(right)?);
    if b == 0.0 {
        return None;
    }
    Some(new::float(a / b))
}

/// `left ** right` on floats; None when Python's answer is an exception or a complex
/// number (tier 1 then computes it).
#[inline(always)]
pub fn binary_op_power_float(left: StackRef, right: StackRef) -> Option<StackRef> {
    let (a, b) = floats(left, right);
    crate::format::float_pow(a, b).ok().map(new::float)
}

pub fn binary_op_add_str(left: StackRef, right: StackRef) -> StackRef {
    let (a, b) = (left.downcast::<StrData>().expect("guarded"), right.downcast::<StrData>().expect("guarded"));
    let mut s = String::with_capacity(a.value.len() + b.value.len());
    s.push_str(&a.value);
    s.push_str(&b.value);
    new::string(s)
}
