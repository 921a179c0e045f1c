//! Unit tests of deferred reference counting and the cycle collector (Miri-friendly:
//! no JIT code, no Python code).

use crate::heap::{self, Handle};
use crate::objects::list::ListData;
use crate::objects::new;
use crate::runtime::types::bootstrap;
use crate::value::StackRef;

fn collect_with_roots(roots: &[StackRef]) {
    heap::collect(&mut |visit| {
        for r in roots {
            visit(*r);
        }
    });
}

#[test]
fn unreferenced_objects_are_freed_and_rooted_ones_survive() {
    bootstrap();
    let before = heap::stats().frees;
    let garbage = new::list(vec![]);
    let kept = new::list(vec![new::float(1.5)]);
    let _ = garbage;
    collect_with_roots(&[kept]);
    let after = heap::stats().frees;
    assert!(after > before, "the unrooted list was freed");
    // The rooted list and the float it counts are still usable.
    let items = kept.downcast::<ListData>().unwrap().items.borrow().clone();
    assert_eq!(items.len(), 1);
    collect_with_roots(&[]);
}

#[test]
fn handles_keep_objects_alive() {
    bootstrap();
    let handle = Handle::new(new::str("kept by a handle"));
    collect_with_roots(&[]);
    let s = handle.get().downcast::<crate::objects::str::StrData>().unwrap();
    assert_eq!(&*s.value, "kept by a handle");
    drop(handle);
    collect_with_roots(&[]);
}

#[test]
fn cycles_are_reclaimed() {
    bootstrap();
    let a = new::list(vec![]);
    let b = new::list(vec![a]);
    heap::incref(b);
    a.downcast::<ListData>().unwrap().items.borrow_mut().push(b);
    // Both have a count from the other; no frame or handle refers to them.
    collect_with_roots(&[]);
    let garbage_before = heap::stats().cycle_garbage;
    heap::collect_cycles(&mut |_visit| {});
    assert!(heap::stats().cycle_garbage >= garbage_before + 2);
}

#[test]
fn cycles_reachable_from_roots_survive() {
    bootstrap();
    let a = new::list(vec![]);
    let b = new::list(vec![a]);
    heap::incref(b);
    a.downcast::<ListData>().unwrap().items.borrow_mut().push(b);
    let garbage_before = heap::stats().cycle_garbage;
    heap::collect_cycles(&mut |visit| visit(a));
    assert_eq!(heap::stats().cycle_garbage, garbage_before);
    assert_eq!(a.downcast::<ListData>().unwrap().items.borrow().len(), 1);
}

#[test]
fn tuples_of_atoms_are_not_tracked_and_tuples_holding_containers_are() {
    bootstrap();
    let tracked = |v: StackRef| v.header().is_some_and(|h| h.has(crate::value::gc_bits::TRACKED));
    let atoms = new::tuple(vec![StackRef::small_int(3).unwrap(), new::str("s"), new::float(2.5)]);
    let nested_atoms = new::tuple(vec![atoms, StackRef::small_int(1).unwrap()]);
    let list = new::list(vec![]);
    let with_list = new::tuple(vec![StackRef::small_int(1).unwrap(), list]);
    let holding = new::tuple(vec![with_list]);
    assert!(!tracked(atoms) && !tracked(nested_atoms), "no cycle can go through them");
    assert!(tracked(with_list) && tracked(holding), "a list inside can close a cycle");
    // A cycle through a tuple that holds a list is still found.
    heap::incref(with_list);
    list.downcast::<ListData>().unwrap().items.borrow_mut().push(with_list);
    collect_with_roots(&[]);
    let garbage_before = heap::stats().cycle_garbage;
    heap::collect_cycles(&mut |_visit| {});
    assert!(heap::stats().cycle_garbage >= garbage_before + 2);
}
