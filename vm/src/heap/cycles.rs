//! The cycle collector: trial deletion over all containers. An object is garbage when
//! every counted reference to it comes from other containers and no frame references
//! it, and nothing that is not garbage reaches it.

use super::{collect::free_object, decref, dispatch, with_heap};
use crate::value::{gc_bits, Header};

/// Runs a cycle collection on its own (marks frames first). Only at a safepoint.
pub fn collect_cycles(walk_roots: super::collect::RootWalker<'_>) {
    with_heap(|h| h.cycles_forced = true);
    super::collect(walk_roots);
}

/// The cycle pass proper; frame-referenced objects carry MARKED when this runs.
pub(super) fn collect_cycles_with_marks() {
    let tracked: Vec<*mut Header> = with_heap(|h| h.tracked.clone());
    let index_of = |ptr: *mut Header| -> Option<usize> {
        // SAFETY: children reported by trace are live objects.
        let header = unsafe { &*ptr };
        if header.has(gc_bits::TRACKED) {
            Some(header.gc_index.get() as usize)
        } else {
            None
        }
    };
    // Trial deletion: subtract the references that containers hold on each other.
    let mut external: Vec<i64> = tracked
        .iter()
        // SAFETY: tracked objects are live.
        .map(|p| unsafe { &**p }.refcnt.get() as i64)
        .collect();
    for &ptr in &tracked {
        dispatch::trace(ptr, &mut |child| {
            if child.is_heap() && !child.is_immortal() {
                if let Some(i) = index_of(child.header_ptr()) {
                    external[i] -= 1;
                }
            }
        });
    }
    // Everything reachable from an externally referenced or frame-referenced
    // container is alive.
    let mut alive = vec![false; tracked.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, &ptr) in tracked.iter().enumerate() {
        // SAFETY: tracked objects are live.
        let header = unsafe { &*ptr };
        if external[i] > 0
            || header.has(gc_bits::MARKED)
            || header.has(gc_bits::IMMORTAL)
            || header.has(gc_bits::IN_ZCT)
        {
            alive[i] = true;
            stack.push(i);
        }
    }
    spread_alive(&tracked, &mut alive, &mut stack, &index_of);
    // Unreachable generators that must be closed first stay (with all they reach)
    // until the VM has closed them; the next collection frees them.
    for (i, &ptr) in tracked.iter().enumerate() {
        if !alive[i] && dispatch::wants_finalizer(ptr) {
            super::queue_for_finalizer(ptr);
            alive[i] = true;
            stack.push(i);
        }
    }
    spread_alive(&tracked, &mut alive, &mut stack, &index_of);
    let garbage: Vec<*mut Header> = tracked.iter().zip(&alive).filter(|(_, a)| !**a).map(|(p, _)| *p).collect();
    if garbage.is_empty() {
        record_cycle_collection(0);
        return;
    }
    for &ptr in &garbage {
        // SAFETY: garbage objects are live until freed below.
        unsafe { &*ptr }.set(gc_bits::GARBAGE);
    }
    // Release references from garbage to live objects; those may go to the ZCT.
    for &ptr in &garbage {
        dispatch::trace(ptr, &mut |child| {
            let is_garbage = child.header().map(|h| h.has(gc_bits::GARBAGE)).unwrap_or(false);
            if !is_garbage {
                decref(child);
            }
        });
    }
    let count = garbage.len() as u64;
    for ptr in garbage {
        free_object(ptr);
    }
    record_cycle_collection(count);
}

/// Counts a finished cycle pass that freed `freed` objects, and notes how many
/// containers it left for the next pass's trigger.
fn record_cycle_collection(freed: u64) {
    with_heap(|h| {
        h.stats.cycle_collections += 1;
        h.stats.cycle_garbage += freed;
        h.stats.frees += freed;
        h.tracked_after_cycles = h.tracked.len();
    });
}

/// Marks alive everything reachable from the containers on `stack`.
fn spread_alive(
    tracked: &[*mut Header],
    alive: &mut [bool],
    stack: &mut Vec<usize>,
    index_of: &dyn Fn(*mut Header) -> Option<usize>,
) {
    while let Some(i) = stack.pop() {
        dispatch::trace(tracked[i], &mut |child| {
            if child.is_heap() && !child.is_immortal() {
                if let Some(j) = index_of(child.header_ptr()) {
                    if !alive[j] {
                        alive[j] = true;
                        stack.push(j);
                    }
                }
            }
        });
    }
}
