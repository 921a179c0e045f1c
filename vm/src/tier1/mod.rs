//! Tier 1: the specializing, adaptive bytecode interpreter. `eval` holds the loop (its
//! dispatch is generated from uops.toml), `special_uops` the hand-written control-flow
//! uops, `specialize` the adaptive rewriting, `counters` the backoff counters, `unwind`
//! the exception-table search, and `hooks` the optimizer interface tier 2 plugs into.

pub mod counters;
pub mod eval;
pub mod hooks;
pub mod specialize;
pub mod stats;
pub mod unwind;
