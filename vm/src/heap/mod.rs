//! The heap: allocation, deferred reference counting and handles.
//!
//! References from frames (locals and value stacks) are not counted; references from
//! heap objects and from Rust `Handle`s are. An object whose count drops to zero, and
//! every new object, goes into the zero-count table (ZCT) instead of being freed. A
//! collection, run only at a safepoint, marks what the frames reference and frees the
//! ZCT objects nothing references (see `collect`). Garbage cycles are reclaimed by the
//! trial-deletion cycle collector in `cycles`.
//!
//! The heap is per thread (one VM per thread); it lives in a thread-local.

mod collect;
mod cycles;
mod dispatch;

use std::cell::UnsafeCell;
use std::mem::ManuallyDrop;

use crate::objects::float::FloatData;
use crate::value::{gc_bits, Header, Obj, Payload, StackRef};

pub use collect::collect;
pub use cycles::collect_cycles;

/// Bytes allocated between collections before one is requested.
const ALLOC_THRESHOLD: usize = 1 << 20;
/// ZCT entries before a collection is requested.
const ZCT_THRESHOLD: usize = 8192;
/// Net growth in live containers between two cycle collections, at least: a cycle
/// collection scans every container, so it waits until the container count has grown
/// by this much or by a quarter of what the last one left, whichever is more. Counting
/// net growth (as CPython's generation counts do) means short-lived containers that
/// reference counting frees, such as iterators, never trigger a full scan, and the
/// work stays linear in the allocations however large the heap is.
const CYCLE_THRESHOLD: usize = 20_000;
/// In GC stress mode: new containers between two cycle collections, at least. (The ZCT
/// pass runs at every safepoint; the cycle pass scans every container, so it runs once
/// a few hundred new ones exist, or a quarter as many as are live, whichever is more:
/// so a program that builds a large heap still runs in time linear in its allocations.)
const STRESS_CYCLE_THRESHOLD: usize = 256;

/// Counters the VM reports in `-X jit-stats` and tests read.
#[derive(Default, Clone, Debug)]
pub struct HeapStats {
    pub allocations: u64,
    pub frees: u64,
    pub collections: u64,
    pub cycle_collections: u64,
    pub cycle_garbage: u64,
}

pub struct Heap {
    zct: Vec<*mut Header>,
    float_free_list: Vec<*mut Obj<FloatData>>,
    /// Containers the cycle collector scans.
    tracked: Vec<*mut Header>,
    bytes_since_collect: usize,
    /// Containers allocated since the last cycle collection (GC stress's trigger).
    tracked_since_cycles: usize,
    /// How many containers the last cycle collection left live.
    tracked_after_cycles: usize,
    /// Set by `collect_cycles`: the next collection runs the cycle pass.
    cycles_forced: bool,
    /// Set when a collection should run at the next safepoint; under GC stress it
    /// stays set, so that this one flag says whether a collection is due.
    pub collect_requested: bool,
    pub stress: bool,
    pub stats: HeapStats,
    /// The float type, so that allocating a float needs no other lookup.
    float_type: StackRef,
    /// Unreachable objects whose finalizer the VM must run (counted references).
    pending_finalizers: Vec<StackRef>,
}

impl Heap {
    const fn new() -> Heap {
        Heap {
            zct: Vec::new(),
            float_free_list: Vec::new(),
            tracked: Vec::new(),
            bytes_since_collect: 0,
            tracked_since_cycles: 0,
            tracked_after_cycles: 0,
            cycles_forced: false,
            collect_requested: false,
            stress: false,
            stats: HeapStats { allocations: 0, frees: 0, collections: 0, cycle_collections: 0, cycle_garbage: 0 },
            float_type: StackRef::NULL,
            pending_finalizers: Vec::new(),
        }
    }
}

thread_local! {
    static HEAP: UnsafeCell<ManuallyDrop<Heap>> = const { UnsafeCell::new(ManuallyDrop::new(Heap::new())) };
}

/// Runs `f` with the thread's heap. Never re-entered: no heap function calls back
/// into Python or into another `with_heap`.
#[inline(always)]
pub(crate) fn with_heap<R>(f: impl FnOnce(&mut Heap) -> R) -> R {
    HEAP.with(|cell| {
        // SAFETY: the heap is thread-local and the functions in this module do not
        // re-enter `with_heap` while holding the reference.
        let heap = unsafe { &mut *cell.get() };
        f(heap)
    })
}

/// Process-wide memory settings, called once at start-up. On Linux it turns
/// transparent huge pages off for the process: the allocator asks for them, and then
/// the first touch of every fresh 2 MiB region zeroes all of it, which cost up to a
/// sixth of a short benchmark's time (and tripled its peak RSS) in page clearing.
pub fn set_up_process_memory() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and only sets a flag of
    // this process's address space; no memory is touched.
    unsafe {
        libc::prctl(
            libc::PR_SET_THP_DISABLE,
            1 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        );
    }
}

/// The address of the flag `collection_due` reads, so that compiled code can test for
/// a due collection without a call. It lives in this thread's heap, which lives as
/// long as the thread.
pub fn collection_flag_address() -> *const bool {
    with_heap(|h| &h.collect_requested as *const bool)
}

/// Whether a collection should run at the next safepoint.
#[inline(always)]
pub fn collection_due() -> bool {
    with_heap(|h| h.collect_requested)
}

/// Whether a tier-1 safepoint has work: a collection, or finalizers to run.
#[inline(always)]
pub fn safepoint_work_due() -> bool {
    with_heap(|h| h.collect_requested || !h.pending_finalizers.is_empty())
}

pub fn set_stress(on: bool) {
    with_heap(|h| {
        h.stress = on;
        h.collect_requested |= on;
    })
}

pub fn stats() -> HeapStats {
    with_heap(|h| h.stats.clone())
}

/// Whether the kind is a container the cycle collector must see.
fn is_container<T: Payload>() -> bool {
    T::KIND.is_container()
}

/// Allocates a new object. It starts with a zero count, in the ZCT.
#[inline]
pub fn alloc<T: Payload>(ty: StackRef, data: T) -> StackRef {
    let tracked = is_container::<T>() && data.needs_tracking();
    let obj = Box::new(Obj { header: Header::new(T::KIND, ty), data });
    let ptr = Box::into_raw(obj);
    register_new(ptr as *mut Header, std::mem::size_of::<Obj<T>>(), tracked);
    StackRef::from_obj(ptr)
}

#[inline]
fn register_new(header: *mut Header, size: usize, container: bool) {
    with_heap(|h| {
        // SAFETY: `header` was just allocated and is exclusively ours.
        let hdr = unsafe { &*header };
        hdr.set(gc_bits::IN_ZCT);
        h.zct.push(header);
        h.stats.allocations += 1;
        h.bytes_since_collect += size;
        if container {
            hdr.set(gc_bits::TRACKED);
            hdr.gc_index.set(h.tracked.len() as u32);
            h.tracked.push(header);
            h.tracked_since_cycles += 1;
        }
        if h.bytes_since_collect > ALLOC_THRESHOLD || h.zct.len() > ZCT_THRESHOLD {
            h.collect_requested = true;
        }
    })
}

/// Records the float type (at bootstrap) for `new_float`.
pub fn set_float_type(ty: StackRef) {
    with_heap(|h| h.float_type = ty)
}

/// Allocates a float. The fast path (a freed float to reuse, room in the ZCT) is
/// inlined into the interpreters; everything else goes through `alloc_float`.
#[inline(always)]
pub fn new_float(value: f64) -> StackRef {
    let reused = with_heap(|h| {
        if h.zct.len() == h.zct.capacity() {
            return StackRef::NULL;
        }
        let Some(ptr) = h.float_free_list.pop() else { return StackRef::NULL };
        // SAFETY: free-list entries are float objects whose previous life ended in a
        // collection; their memory is ours to reinitialise.
        unsafe {
            std::ptr::write(ptr, Obj { header: Header::new(FloatData::KIND, h.float_type), data: FloatData { value } });
            (*ptr).header.set(gc_bits::IN_ZCT);
        }
        h.zct.push(ptr as *mut Header);
        h.stats.allocations += 1;
        if h.zct.len() > ZCT_THRESHOLD {
            h.collect_requested = true;
        }
        StackRef::from_obj(ptr)
    });
    if reused.is_null() {
        new_float_slow(value)
    } else {
        reused
    }
}

#[cold]
#[inline(never)]
fn new_float_slow(value: f64) -> StackRef {
    let ty = with_heap(|h| h.float_type);
    alloc_float(ty, value)
}

/// Allocates a float of type `ty`, reusing a freed one when possible.
#[inline]
pub fn alloc_float(ty: StackRef, value: f64) -> StackRef {
    let reused = with_heap(|h| {
        let ptr = h.float_free_list.pop()?;
        // SAFETY: free-list entries are float objects whose previous life ended in
        // `dispatch::free`; their memory is ours to reinitialise.
        unsafe {
            std::ptr::write(ptr, Obj { header: Header::new(FloatData::KIND, ty), data: FloatData { value } });
            (*ptr).header.set(gc_bits::IN_ZCT);
        }
        h.zct.push(ptr as *mut Header);
        h.stats.allocations += 1;
        if h.zct.len() > ZCT_THRESHOLD {
            h.collect_requested = true;
        }
        Some(StackRef::from_obj(ptr))
    });
    match reused {
        Some(v) => v,
        None => alloc(ty, FloatData { value }),
    }
}

/// Makes an object immortal: never counted, never freed.
pub fn make_immortal(value: StackRef) {
    if let Some(h) = value.header() {
        h.set(gc_bits::IMMORTAL);
    }
}

/// Keeps an unreachable object alive for its finalizer (see `take_pending_finalizers`).
fn queue_for_finalizer(ptr: *mut Header) {
    let value = StackRef::from_bits(ptr as usize);
    incref(value);
    with_heap(|h| h.pending_finalizers.push(value));
}

/// The objects collections found unreachable that need their finalizer run first,
/// each held by a handle: the VM runs the finalizers (at a safepoint, after the
/// collection) and drops the handles, after which the objects are freed as usual.
pub fn take_pending_finalizers() -> Vec<Handle> {
    let values = with_heap(|h| std::mem::take(&mut h.pending_finalizers));
    // A collection finds the newest garbage first; finalize in allocation order.
    values
        .into_iter()
        .rev()
        .map(|v| {
            let handle = Handle::new(v);
            decref(v);
            handle
        })
        .collect()
}

/// Whether finalizers are waiting to run.
pub fn finalizers_pending() -> bool {
    with_heap(|h| !h.pending_finalizers.is_empty())
}

/// Adds a counted reference.
#[inline(always)]
pub fn incref(value: StackRef) {
    if let Some(h) = value.header() {
        if !h.has(gc_bits::IMMORTAL) {
            h.refcnt.set(h.refcnt.get() + 1);
        }
    }
}

/// Drops a counted reference; an object reaching zero goes to the ZCT.
#[inline(always)]
pub fn decref(value: StackRef) {
    if let Some(h) = value.header() {
        if !h.has(gc_bits::IMMORTAL) {
            let count = h.refcnt.get();
            debug_assert!(count > 0, "decref of an object with a zero count: {value:?}");
            h.refcnt.set(count.wrapping_sub(1));
            if count == 1 && !h.has(gc_bits::IN_ZCT) {
                push_zct(value.header_ptr());
            }
        }
    }
}

#[cold]
fn push_zct(header: *mut Header) {
    with_heap(|h| {
        // SAFETY: the object is live (its count just reached zero).
        unsafe { &*header }.set(gc_bits::IN_ZCT);
        h.zct.push(header);
        if h.zct.len() > ZCT_THRESHOLD {
            h.collect_requested = true;
        }
    })
}

/// Replaces a counted reference held in a slot: increfs the new value, decrefs the old.
#[inline(always)]
pub fn replace(slot: &std::cell::Cell<StackRef>, value: StackRef) {
    incref(value);
    let old = slot.replace(value);
    decref(old);
}

/// A counted reference owned by Rust code: keeps the object alive across calls into
/// Python (which may collect).
pub struct Handle(StackRef);

impl Handle {
    pub fn new(value: StackRef) -> Handle {
        incref(value);
        Handle(value)
    }
    #[inline(always)]
    pub fn get(&self) -> StackRef {
        self.0
    }
}

impl Clone for Handle {
    fn clone(&self) -> Handle {
        Handle::new(self.0)
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        decref(self.0)
    }
}

impl std::fmt::Debug for Handle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Handle({:?})", self.0)
    }
}

/// Counted handles for a slice of values.
pub fn handles(values: &[StackRef]) -> Vec<Handle> {
    values.iter().map(|v| Handle::new(*v)).collect()
}

#[cfg(test)]
mod tests;
