//! sidewinder-jit: the Cranelift lowering of optimized uop traces to native code.
//! Nothing is lowered yet: this crate is filled in by the JIT issue, after tier 2.
