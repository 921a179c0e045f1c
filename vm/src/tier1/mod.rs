//! Tier 1: the specializing, adaptive bytecode interpreter. `eval` holds the loop (its
//! dispatch is generated from uops.toml; the control-flow uops are hand-written there),
//! `specialize` the adaptive rewriting and the installing of executors, `counters` the
//! backoff counters, `unwind` the exception-table search, `stats` the `-X jit-stats`
//! counters, `stack_macros` the stack vocabulary of both generated dispatches, `hooks` the
//! optimizer interface tier 2 plugs into, and `watchers` the
//! registry that invalidates executors when what they depend on changes.

// First, so that its macro is in scope (textually) for the loop in `eval`.
#[macro_use]
pub mod stack_macros;

pub mod counters;
pub mod eval;
pub mod hooks;
pub mod specialize;
pub mod stats;
pub mod unwind;
pub mod watchers;
