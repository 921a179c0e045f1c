//! Slice index arithmetic: CPython's `PySlice_Unpack` (defaults and clamping) and
//! `PySlice_AdjustIndices` (normalizing against a length), plus index normalization for
//! single subscripts.

use crate::ops::conversion::as_ssize;
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::Vm;
use crate::value::StackRef;
use crate::PyResult;

/// A slice normalized against a sequence length: the selected indices are
/// `start + i * step` for `i in 0..len`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// Number of selected items.
    pub len: usize,
}

impl SliceIndices {
    /// The selected indices, in slice order.
    pub fn indices(self) -> impl Iterator<Item = usize> {
        (0..self.len).map(move |i| (self.start + i as i64 * self.step) as usize)
    }
    /// Whether this is `[0:length]` with step 1.
    pub fn is_whole(self, length: usize) -> bool {
        self.step == 1 && self.start == 0 && self.len == length
    }
}

/// `PySlice_Unpack` on already-converted bounds (`None` = omitted): fills the defaults.
/// `Err` when the step is zero.
pub(crate) fn unpack(start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Result<(i64, i64, i64), ()> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(());
    }
    // Keep -step representable.
    let step = step.max(-i64::MAX);
    let start = start.unwrap_or(if step < 0 { i64::MAX } else { 0 });
    let stop = stop.unwrap_or(if step < 0 { i64::MIN } else { i64::MAX });
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clamps unpacked bounds to a sequence of `length` items.
pub fn adjust_indices(length: usize, start: i64, stop: i64, step: i64) -> SliceIndices {
    let length = length as i64;
    let clamp = |mut v: i64| {
        if v < 0 {
            v += length;
            if v < 0 {
                v = if step < 0 { -1 } else { 0 };
            }
        } else if v >= length {
            v = if step < 0 { length - 1 } else { length };
        }
        v
    };
    let start = clamp(start);
    let stop = clamp(stop);
    let len = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    SliceIndices { start, stop, step, len: len as usize }
}

/// `_PyEval_SliceIndex`: None stays None, integers (and `__index__`) clamp to i64.
fn slice_bound(vm: &mut Vm, v: StackRef) -> PyResult<Option<i64>> {
    if v.is_null() || v == crate::runtime::types::none() {
        return Ok(None);
    }
    match as_ssize(vm, v, None)? {
        Some(n) => Ok(Some(n)),
        None => Err(type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// Converts slice bounds (values; None or NULL for omitted) to unpacked integers.
pub(crate) fn unpack_values(vm: &mut Vm, start: StackRef, stop: StackRef, step: StackRef) -> PyResult<(i64, i64, i64)> {
    let step = slice_bound(vm, step)?;
    let start = slice_bound(vm, start)?;
    let stop = slice_bound(vm, stop)?;
    unpack(start, stop, step).map_err(|_| value_error("slice step cannot be zero"))
}

/// Normalizes a subscript index against a length (negative counts from the end);
/// `None` when out of range.
pub(crate) fn normalize_index(index: i64, length: usize) -> Option<usize> {
    let i = if index < 0 { index.checked_add(length as i64)? } else { index };
    if i >= 0 && (i as u64) < length as u64 {
        Some(i as usize)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(length: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Vec<usize> {
        let (a, b, c) = unpack(start, stop, step).unwrap();
        adjust_indices(length, a, b, c).indices().collect()
    }

    #[test]
    fn slices_match_cpython() {
        assert_eq!(slice(5, None, None, None), vec![0, 1, 2, 3, 4]);
        assert_eq!(slice(5, None, None, Some(-1)), vec![4, 3, 2, 1, 0]);
        assert_eq!(slice(5, Some(1), Some(-1), None), vec![1, 2, 3]);
        assert_eq!(slice(5, Some(-100), Some(100), Some(2)), vec![0, 2, 4]);
        assert_eq!(slice(5, Some(100), Some(-100), Some(-2)), vec![4, 2, 0]);
        assert_eq!(slice(5, Some(3), Some(1), None), Vec::<usize>::new());
        assert_eq!(slice(5, Some(3), Some(1), Some(-1)), vec![3, 2]);
        assert_eq!(slice(0, None, None, Some(-1)), Vec::<usize>::new());
        assert_eq!(slice(10, Some(i64::MIN), Some(i64::MAX), Some(3)), vec![0, 3, 6, 9]);
        assert_eq!(slice(10, None, None, Some(i64::MIN)), vec![9]);
        assert_eq!(slice(10, Some(-3), None, None), vec![7, 8, 9]);
        assert!(unpack(None, None, Some(0)).is_err());
        // range(10)[::-1] -> range(9, -1, -1)
        let s = adjust_indices(10, i64::MAX, i64::MIN, -1);
        assert_eq!((s.start, s.stop, s.step, s.len), (9, -1, -1, 10));
        assert!(adjust_indices(4, 0, i64::MAX, 1).is_whole(4));
    }

    #[test]
    fn index_normalization() {
        assert_eq!(normalize_index(0, 3), Some(0));
        assert_eq!(normalize_index(-1, 3), Some(2));
        assert_eq!(normalize_index(-4, 3), None);
        assert_eq!(normalize_index(3, 3), None);
        assert_eq!(normalize_index(i64::MIN, 3), None);
        assert_eq!(normalize_index(0, 0), None);
    }
}
