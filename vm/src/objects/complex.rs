//! complex: a heap box around two f64s (the arithmetic lives in `format::complex`).

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct ComplexData {
    pub real: f64,
    pub imag: f64,
}

impl Payload for ComplexData {
    const KIND: Kind = Kind::Complex;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}
