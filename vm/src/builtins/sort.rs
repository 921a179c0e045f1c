//! A stable merge sort whose comparison may fail (it runs Python's `<`). It sorts a
//! permutation of indices; when a comparison raises, the permutation is left valid
//! (every index exactly once), so the caller can still restore every item.

use crate::runtime::Vm;
use crate::PyResult;

/// Runs below this length are sorted by binary insertion.
const INSERTION_THRESHOLD: usize = 16;

/// Sorts `order` (indices into the caller's keys) so that the keys are ascending,
/// keeping equal keys in their original order. `less(vm, a, b)` answers `key[a] < key[b]`.
pub(crate) fn merge_sort(
    vm: &mut Vm,
    order: &mut [usize],
    less: &mut dyn FnMut(&mut Vm, usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    let mut scratch = Vec::with_capacity(order.len());
    sort_range(vm, order, &mut scratch, less)
}

fn sort_range(
    vm: &mut Vm,
    order: &mut [usize],
    scratch: &mut Vec<usize>,
    less: &mut dyn FnMut(&mut Vm, usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    let n = order.len();
    if n <= INSERTION_THRESHOLD {
        return binary_insertion_sort(vm, order, less);
    }
    let mid = n / 2;
    sort_range(vm, &mut order[..mid], scratch, less)?;
    sort_range(vm, &mut order[mid..], scratch, less)?;
    // Already in order: the last of the left run is not greater than the first of the right.
    if !less(vm, order[mid], order[mid - 1])? {
        return Ok(());
    }
    merge(vm, order, mid, scratch, less)
}

/// Merges the sorted runs `order[..mid]` and `order[mid..]`. On error `order` is unchanged.
fn merge(
    vm: &mut Vm,
    order: &mut [usize],
    mid: usize,
    scratch: &mut Vec<usize>,
    less: &mut dyn FnMut(&mut Vm, usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    scratch.clear();
    let (mut i, mut j) = (0, mid);
    while i < mid && j < order.len() {
        // Take from the right only when strictly smaller: stability.
        if less(vm, order[j], order[i])? {
            scratch.push(order[j]);
            j += 1;
        } else {
            scratch.push(order[i]);
            i += 1;
        }
    }
    scratch.extend_from_slice(&order[i..mid]);
    scratch.extend_from_slice(&order[j..]);
    order.copy_from_slice(scratch);
    Ok(())
}

/// Binary insertion sort (as CPython's `binarysort`): each new item goes after every
/// item not greater than it. On error the slice is still a permutation.
fn binary_insertion_sort(
    vm: &mut Vm,
    order: &mut [usize],
    less: &mut dyn FnMut(&mut Vm, usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    for start in 1..order.len() {
        let pivot = order[start];
        let (mut lo, mut hi) = (0, start);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if less(vm, pivot, order[mid])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        order.copy_within(lo..start, lo + 1);
        order[lo] = pivot;
    }
    Ok(())
}
