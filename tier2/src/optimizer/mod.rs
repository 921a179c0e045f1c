//! The trace optimizer: abstract interpretation over the uops, then cleanup passes.
//!
//! `analysis` walks the trace once with a symbol for every value (`symbols`) and lets
//! the rewriting passes act at each uop:
//! - `globals`: global promotion (globals, builtins and module attributes become inline
//!   constants, with dict dependencies);
//! - `folding`: constant folding of int operations on inline constants;
//! - `guards`: guard elimination (and contradictions: guards that must fail).
//!
//! Then `set_ip` drops the `_SET_IP` and `_CHECK_VALIDITY` uops nothing needs, and the
//! deleted uops (NOPs) are compacted away. Exit indices stay valid: the exits vector is
//! kept as it is. Every rewrite keeps what the trace does exactly as it was; a fact the
//! analysis is not sure of is never used.

mod analysis;
mod folding;
pub(crate) mod globals;
mod guards;
mod set_ip;
mod symbols;
#[cfg(test)]
mod tests;

use sidewinder_vm::opcodes::Uop;

use crate::ir::{Trace, TraceUop, NO_EXIT};
use crate::state::with_stats;

/// The optimizer proved the trace can never run to its end (a guard that must fail).
#[derive(Debug)]
pub struct Contradiction(pub String);

/// Optimizes `trace` in place.
pub fn optimize(trace: &mut Trace) -> Result<(), Contradiction> {
    let mut counts = analysis::run(trace)?;
    let (uops, guards) = set_ip::run(trace);
    let entry = counts.entry(set_ip::PASS).or_default();
    entry.0 += uops;
    entry.1 += guards;
    compact(trace);
    with_stats(|s| {
        for (pass, (uops, guards)) in counts {
            let e = s.removed_by_pass.entry(pass).or_default();
            e.0 += uops;
            e.1 += guards;
        }
    });
    Ok(())
}

/// The NOP that stands for the deleted uop `u` until the compaction.
fn deleted(u: TraceUop) -> TraceUop {
    TraceUop { uop: Uop::NOP, oparg: 0, operand: 0, exit: NO_EXIT, expect_jump: false, ..u }
}

/// Removes the deleted uops (NOPs).
fn compact(trace: &mut Trace) {
    trace.uops.retain(|u| u.uop != Uop::NOP);
}
