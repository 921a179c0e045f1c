//! The deferred-reference-counting collection: mark what frames reference, then free
//! every zero-count object that nothing references, transitively.

use std::mem::take;

use super::{cycles, dispatch, with_heap, CYCLE_THRESHOLD, STRESS_CYCLE_THRESHOLD};
use crate::value::{gc_bits, Header, StackRef};

/// Calls its argument on every root: every value held by a frame.
pub type RootWalker<'a> = &'a mut dyn FnMut(&mut dyn FnMut(StackRef));

/// Runs a collection. `walk_roots` must report every value frames hold (the exact
/// stacks and locals of every frame). Only call this at a safepoint.
pub fn collect(walk_roots: RootWalker<'_>) {
    let mut marked: Vec<*mut Header> = Vec::new();
    walk_roots(&mut |value| {
        if let Some(h) = value.header() {
            if !h.has(gc_bits::MARKED) && !h.has(gc_bits::IMMORTAL) {
                h.set(gc_bits::MARKED);
                marked.push(value.header_ptr());
            }
        }
    });
    let (mut work, mut float_free_list) = with_heap(|h| (take(&mut h.zct), take(&mut h.float_free_list)));
    let mut freed: u64 = 0;
    let mut keep = Vec::new();
    while let Some(ptr) = work.pop() {
        // SAFETY: ZCT entries are live objects (they are freed only here).
        let header = unsafe { &*ptr };
        if header.refcnt.get() > 0 || header.has(gc_bits::IMMORTAL) {
            header.clear(gc_bits::IN_ZCT);
            continue;
        }
        if header.has(gc_bits::MARKED) {
            keep.push(ptr);
            continue;
        }
        if dispatch::wants_finalizer(ptr) {
            // Kept (counted by the queue) until the VM has run its finalizer.
            header.clear(gc_bits::IN_ZCT);
            super::queue_for_finalizer(ptr);
            continue;
        }
        freed += 1;
        if header.kind == crate::objects::kind::Kind::Float && float_free_list.len() < dispatch::FLOAT_FREE_LIST_MAX {
            // The commonest garbage: keep the memory for the next float.
            float_free_list.push(ptr.cast());
            continue;
        }
        if !header.kind.is_container() {
            free_object(ptr);
            continue;
        }
        dispatch::trace(ptr, &mut |child| {
            if let Some(ch) = child.header() {
                if !ch.has(gc_bits::IMMORTAL) {
                    let count = ch.refcnt.get();
                    debug_assert!(count > 0, "child with zero count: {child:?}");
                    ch.refcnt.set(count.wrapping_sub(1));
                    if count == 1 && !ch.has(gc_bits::IN_ZCT) {
                        ch.set(gc_bits::IN_ZCT);
                        work.push(child.header_ptr());
                    }
                }
            }
        });
        free_object(ptr);
    }
    let run_cycles = with_heap(|h| {
        // Objects that went to the ZCT through `decref` during this pass: none, since
        // nothing here calls it, but keep whatever is there.
        // Reuse the drained table's buffer (it has the capacity a full table needs).
        work.clear();
        work.append(&mut keep);
        work.append(&mut h.zct);
        h.zct = take(&mut work);
        float_free_list.append(&mut h.float_free_list);
        h.float_free_list = take(&mut float_free_list);
        h.collect_requested = h.stress;
        h.bytes_since_collect = 0;
        h.stats.collections += 1;
        h.stats.frees += freed;
        let growth = h.tracked.len().saturating_sub(h.tracked_after_cycles);
        let due = h.cycles_forced
            || growth > CYCLE_THRESHOLD.max(h.tracked_after_cycles / 4)
            || (h.stress && h.tracked_since_cycles > STRESS_CYCLE_THRESHOLD.max(h.tracked.len() / 4));
        if due {
            h.tracked_since_cycles = 0;
            h.cycles_forced = false;
        }
        due
    });
    if run_cycles {
        cycles::collect_cycles_with_marks();
    }
    for ptr in marked {
        // SAFETY: marked objects are referenced by frames, so none was freed above.
        unsafe { &*ptr }.clear(gc_bits::MARKED);
    }
}

/// Frees one object's memory (its children were already released).
pub(super) fn free_object(ptr: *mut Header) {
    // SAFETY: the caller established that nothing references the object.
    let header = unsafe { &*ptr };
    if header.has(gc_bits::TRACKED) {
        with_heap(|h| {
            let index = header.gc_index.get() as usize;
            let last = h.tracked.pop().expect("tracked object in the list");
            if last != ptr {
                h.tracked[index] = last;
                // SAFETY: `last` is a live tracked object.
                unsafe { &*last }.gc_index.set(index as u32);
            }
        });
    }
    dispatch::free(ptr);
}
