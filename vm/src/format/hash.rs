//! Numeric and tuple hashes exactly as CPython 3.11 computes them on a 64-bit
//! build: numbers hash to their value modulo the Mersenne prime 2**61 - 1 so
//! that equal ints and floats hash alike (`_Py_HashDouble`, `long_hash`), and
//! tuples combine their items' hashes with the xxHash-based `tuplehash`.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;

use super::float_digits::decompose;

/// Bits of the hash modulus (`_PyHASH_BITS`).
pub const HASH_BITS: u32 = 61;
/// The hash modulus 2**61 - 1 (`_PyHASH_MODULUS`).
pub const HASH_MODULUS: u64 = (1u64 << HASH_BITS) - 1;
/// `hash(float('inf'))`; `hash(float('-inf'))` is its negation.
pub const HASH_INF: i64 = 314159;

/// CPython never returns -1 from a hash (it signals an error in C).
fn avoid_minus_one(hash: i64) -> i64 {
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// `hash(n)` for a Python int.
pub fn int_hash(value: &BigInt) -> i64 {
    let residue = (value.magnitude() % BigUint::from(HASH_MODULUS)).to_u64().unwrap_or(0) as i64;
    let signed = if value.sign() == Sign::Minus { -residue } else { residue };
    avoid_minus_one(signed)
}

/// `hash(x)` for a Python float. Infinities hash to ±314159. CPython 3.11
/// hashes a NaN by object identity (`_Py_HashPointer`), which a value-level
/// function cannot reproduce: this returns 0 for NaN, and the caller should
/// substitute an identity-based hash if it needs CPython's behaviour.
pub fn float_hash(value: f64) -> i64 {
    if value.is_nan() {
        return 0;
    }
    if value.is_infinite() {
        return if value > 0.0 { HASH_INF } else { -HASH_INF };
    }
    // |value| = mantissa * 2**exponent; 2**61 == 1 (mod 2**61 - 1), so the
    // power of two reduces to a left rotation by exponent mod 61.
    let (mantissa, exponent) = decompose(value);
    let rotation = exponent.rem_euclid(HASH_BITS as i32) as u32;
    let residue = ((mantissa as u128) << rotation) % HASH_MODULUS as u128;
    let residue = residue as i64;
    let signed = if value < 0.0 { -residue } else { residue };
    avoid_minus_one(signed)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// `hash(tuple)` given the hashes of the tuple's items (CPython 3.11 `tuplehash`).
pub fn tuple_hash(item_hashes: &[i64]) -> i64 {
    let mut accumulator = XXPRIME_5;
    for &item in item_hashes {
        let lane = item as u64;
        accumulator = accumulator.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        accumulator = accumulator.rotate_left(31);
        accumulator = accumulator.wrapping_mul(XXPRIME_1);
    }
    accumulator = accumulator.wrapping_add((item_hashes.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if accumulator == u64::MAX {
        return 1546275796;
    }
    accumulator as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        text.parse().unwrap()
    }

    #[test]
    fn int_hash_matches_cpython() {
        // Values from python3.11 hash().
        let cases: &[(&str, i64)] = &[
            ("0", 0),
            ("1", 1),
            ("-1", -2),
            ("-2", -2),
            ("12345", 12345),
            ("2305843009213693951", 0),
            ("2305843009213693950", 2305843009213693950),
            ("-2305843009213693952", -2),
            ("2305843009213693952", 1),
            ("18446744073709551616", 8),
            ("-18446744073709551616", -8),
            ("100000000000000000000000000000", 968863072241352051),
            ("-100000000000000000000000000000", -968863072241352051),
        ];
        for &(text, expected) in cases {
            assert_eq!(int_hash(&big(text)), expected, "hash({})", text);
        }
    }

    #[test]
    fn float_hash_matches_cpython() {
        let cases: &[(f64, i64)] = &[
            (0.0, 0),
            (-0.0, 0),
            (1.0, 1),
            (-1.0, -2),
            (1.5, 1152921504606846977),
            (-1.5, -1152921504606846977),
            (0.1, 230584300921369408),
            (1e100, 1822893315824342674),
            (1e-300, 482449582752280463),
            (5e-324, 16777216),
            (f64::MAX, 2234066890152476671),
            (4.56789, 1309465186502365188),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
            (2305843009213693952.0, 1),
        ];
        for &(value, expected) in cases {
            assert_eq!(float_hash(value), expected, "hash({:e})", value);
        }
        assert_eq!(float_hash(f64::NAN), 0);
    }

    #[test]
    fn equal_numbers_hash_alike() {
        for value in [0.0, 3.0, -7.0, 1e18, 2f64.powi(100), -(2f64.powi(200))] {
            let as_int = super::super::float_ops::float_to_int(value).unwrap();
            assert_eq!(float_hash(value), int_hash(&as_int));
        }
    }

    #[test]
    fn tuple_hash_matches_cpython() {
        // hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1,)) -> items hash -2,
        // hash(('',)) -> item hash 0, hash((0, 0)).
        assert_eq!(tuple_hash(&[]), 5740354900026072187);
        assert_eq!(tuple_hash(&[1]), -6644214454873602895);
        assert_eq!(tuple_hash(&[1, 2]), -3550055125485641917);
        assert_eq!(tuple_hash(&[1, 2, 3]), 529344067295497451);
        assert_eq!(tuple_hash(&[-2]), 8078679518589016365);
        assert_eq!(tuple_hash(&[0, 0]), -8458139203682520985);
        let inner = tuple_hash(&[1, 2]);
        assert_eq!(tuple_hash(&[inner, 3]), -333907151259015829);
    }
}
