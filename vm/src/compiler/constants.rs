//! Constants: literal conversion, the dedup key (by value and type, so that 1, 1.0
//! and True, or 0.0 and -0.0, stay distinct) and constant folding of the simple
//! cases CPython folds (unary minus on numbers, small integer arithmetic, tuples of
//! constants).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

use super::code::Constant;

/// A hashable identity for deduplicating constants.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    /// Code objects are never shared: keyed by their position.
    Code(usize),
}

pub(crate) fn const_key(c: &Constant, position: usize) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(items) => ConstKey::Tuple(items.iter().map(|c| const_key(c, position)).collect()),
        Constant::FrozenSet(items) => ConstKey::FrozenSet(items.iter().map(|c| const_key(c, position)).collect()),
        Constant::Code(_) => ConstKey::Code(position),
    }
}

/// The value of an integer literal.
pub(crate) fn int_value(i: &ast::Int) -> BigInt {
    if let Some(v) = i.as_u64() {
        return BigInt::from(v);
    }
    // Large literals keep their source text (possibly with a base prefix and '_').
    let text: String = i.to_string().chars().filter(|c| *c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).expect("integer literal")
}

/// Python truthiness of a constant.
pub(crate) fn truthy(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => return None,
    })
}

/// Largest integer result (in bits) that folding may produce, as in CPython.
const MAX_INT_BITS: u64 = 128;
/// Longest string folding may produce.
const MAX_STR_LEN: usize = 4096;

/// How deep folding looks into an expression (keeps it linear on long chains).
const MAX_FOLD_DEPTH: u32 = 32;

/// The constant an expression folds to, if any.
pub(crate) fn fold(e: &Expr) -> Option<Constant> {
    fold_within(e, MAX_FOLD_DEPTH)
}

fn fold_within(e: &Expr, budget: u32) -> Option<Constant> {
    let budget = budget.checked_sub(1)?;
    let fold = |e: &Expr| fold_within(e, budget);
    match e {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => Some(Constant::Int(int_value(i))),
            Number::Float(f) => Some(Constant::Float(*f)),
            Number::Complex { real, imag } => Some(Constant::Complex { real: *real, imag: *imag }),
        },
        Expr::StringLiteral(s) => Some(Constant::Str(s.value.to_str().to_string())),
        Expr::BytesLiteral(b) => Some(Constant::Bytes(b.value.bytes().collect())),
        Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Constant::None),
        Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
        // Without -O, `__debug__` is the constant True (it cannot be assigned).
        Expr::Name(n) if n.id.as_str() == "__debug__" => Some(Constant::Bool(true)),
        Expr::UnaryOp(u) => fold_unary(u.op, fold(&u.operand)?),
        Expr::BinOp(b) => {
            // Only fold small, literal-only subtrees.
            let left = fold(&b.left)?;
            let right = fold(&b.right)?;
            fold_binary(b.op, &left, &right)
        }
        Expr::Tuple(t) => {
            let mut items = Vec::with_capacity(t.elts.len());
            for elt in &t.elts {
                items.push(fold(elt)?);
            }
            Some(Constant::Tuple(items))
        }
        _ => None,
    }
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

/// A float for mixed arithmetic: exact ints only (|i| < 2**53).
fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => {
            let i = as_int(c)?.to_i64()?;
            (i.unsigned_abs() < (1u64 << 53)).then_some(i as f64)
        }
    }
}

fn fold_unary(op: UnaryOp, c: Constant) -> Option<Constant> {
    match (op, &c) {
        (UnaryOp::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (UnaryOp::UAdd, Constant::Float(_)) => Some(c),
        (UnaryOp::USub, _) => Some(Constant::Int(-as_int(&c)?)),
        (UnaryOp::UAdd, _) => Some(Constant::Int(as_int(&c)?)),
        (UnaryOp::Invert, _) => Some(Constant::Int(-(as_int(&c)? + BigInt::from(1)))),
        (UnaryOp::Not, _) => None,
    }
}

fn fits(i: BigInt) -> Option<Constant> {
    (i.bits() <= MAX_INT_BITS).then_some(Constant::Int(i))
}

fn fold_binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    if let (Constant::Str(a), Constant::Str(b)) = (l, r) {
        return (op == Operator::Add && a.len() + b.len() <= MAX_STR_LEN).then(|| Constant::Str(format!("{a}{b}")));
    }
    if matches!(l, Constant::Bool(_)) || matches!(r, Constant::Bool(_)) {
        return None;
    }
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return match op {
            Operator::Add => fits(a + b),
            Operator::Sub => fits(a - b),
            Operator::Mult => {
                if a.bits() + b.bits() > MAX_INT_BITS + 1 {
                    None
                } else {
                    fits(a * b)
                }
            }
            Operator::Pow => {
                if b.is_negative() {
                    return None;
                }
                let e = b.to_u32()?;
                if a.bits().saturating_mul(e as u64) > MAX_INT_BITS {
                    return None;
                }
                fits(num_traits::pow(a, e as usize))
            }
            Operator::LShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64()?;
                if a.bits() + s > MAX_INT_BITS {
                    return None;
                }
                fits(a << s)
            }
            Operator::RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(MAX_INT_BITS + 1);
                fits(a >> s)
            }
            Operator::BitAnd => fits(a & b),
            Operator::BitOr => fits(a | b),
            Operator::BitXor => fits(a ^ b),
            _ => None,
        };
    }
    if matches!(l, Constant::Float(_)) || matches!(r, Constant::Float(_)) {
        let (a, b) = (as_float(l)?, as_float(r)?);
        let v = match op {
            Operator::Add => a + b,
            Operator::Sub => a - b,
            Operator::Mult => a * b,
            Operator::Div if b != 0.0 => a / b,
            _ => return None,
        };
        return v.is_finite().then_some(Constant::Float(v));
    }
    None
}
