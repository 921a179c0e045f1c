//! `_SET_IP` and `_CHECK_VALIDITY` removal, after the other passes.
//!
//! - `_SET_IP` writes the instruction's ip into the frame for the escaping uops that may
//!   look at it (tracebacks, nested calls). Exits and errors write the ip themselves, and
//!   `_PUSH_FRAME` writes the caller's, so a `_SET_IP` is kept only when an escaping uop
//!   follows it in the same frame before the next `_SET_IP`.
//! - `_CHECK_VALIDITY` leaves the trace once one of the executor's dependencies changed.
//!   With no dependencies at all nothing can invalidate the executor, so they all go.
//!   Otherwise one that follows another with no escaping uop in between goes: only
//!   escaping code can change a dependency.

use sidewinder_vm::opcodes::Uop;

use crate::ir::{Trace, TraceUop};

pub const PASS: &str = "set_ip and validity";

/// Removes the `_SET_IP` and `_CHECK_VALIDITY` uops nothing needs (as NOPs). Returns
/// the uops and guards removed.
pub fn run(trace: &mut Trace) -> (u64, u64) {
    let mut removed = 0;
    let mut guards = 0;
    let no_dependencies = trace.dependencies.is_empty();
    let mut checked_since_escape = false;
    for index in 0..trace.uops.len() {
        let u = trace.uops[index];
        let remove = match u.uop {
            Uop::_SET_IP => !ip_needed(&trace.uops, index),
            Uop::_CHECK_VALIDITY => {
                let redundant = no_dependencies || checked_since_escape;
                checked_since_escape = true;
                redundant
            }
            _ => {
                if u.escapes() {
                    checked_since_escape = false;
                }
                false
            }
        };
        if remove {
            removed += 1;
            guards += u.is_guard() as u64;
            trace.uops[index] = super::deleted(u);
        }
    }
    (removed, guards)
}

/// Whether an escaping uop runs after the `_SET_IP` at `index`, in its frame, before
/// the next `_SET_IP`.
fn ip_needed(uops: &[TraceUop], index: usize) -> bool {
    let frame = uops[index].frame;
    for u in &uops[index + 1..] {
        if u.uop == Uop::_SET_IP || u.frame != frame {
            return false;
        }
        if u.escapes() {
            return true;
        }
    }
    false
}
