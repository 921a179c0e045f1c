//! int beyond the tagged range: a heap big int (num-bigint). Values that fit in 63 bits
//! are always tagged; `int_from_bigint` normalizes.

use num_bigint::BigInt;

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct BigIntData {
    pub value: BigInt,
}

impl Payload for BigIntData {
    const KIND: Kind = Kind::BigInt;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
