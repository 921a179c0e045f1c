//! CPython 3.11's list sort (timsort with the powersort merge policy), ported so
//! that the same comparisons happen in the same order: user `__lt__` methods can
//! observe them, and inconsistent orderings (NaN, buggy `__lt__`) give the same
//! permutation as CPython.
//!
//! The sort permutes a slice of indices; `less(vm, x, y)` answers "key x < key y"
//! and may run Python code and fail. On failure the slice is still a permutation
//! (every index exactly once), so the caller can always restore every item.

use crate::runtime::Vm;
use crate::PyResult;

/// A comparison that may run Python code.
pub(crate) type Less<'a> = &'a mut dyn FnMut(&mut Vm, usize, usize) -> PyResult<bool>;

/// Initial threshold for entering galloping mode.
const MIN_GALLOP: usize = 7;

#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: i32,
}

struct MergeState {
    tmp: Vec<usize>,
    min_gallop: usize,
    pending: Vec<Run>,
    list_len: usize,
}

/// Sorts `a` stably by `less`, as CPython's `list.sort`.
pub(crate) fn timsort(vm: &mut Vm, a: &mut [usize], less: Less<'_>) -> PyResult<()> {
    let n = a.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState { tmp: Vec::new(), min_gallop: MIN_GALLOP, pending: Vec::new(), list_len: n };
    let min_run = compute_min_run(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = count_run(vm, less, &a[lo..lo + remaining])?;
        if descending {
            a[lo..lo + run].reverse();
        }
        if run < min_run {
            let force = remaining.min(min_run);
            binary_sort(vm, less, &mut a[lo..lo + force], run)?;
            run = force;
        }
        found_new_run(vm, less, a, &mut ms, run)?;
        ms.pending.push(Run { base: lo, len: run, power: 0 });
        lo += run;
        remaining -= run;
    }
    while ms.pending.len() > 1 {
        let mut i = ms.pending.len() - 2;
        if i > 0 && ms.pending[i - 1].len < ms.pending[i + 1].len {
            i -= 1;
        }
        merge_at(vm, less, a, &mut ms, i)?;
    }
    Ok(())
}

fn compute_min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The length of the run at the start of `a`, and whether it is strictly descending.
fn count_run(vm: &mut Vm, less: Less<'_>, a: &[usize]) -> PyResult<(usize, bool)> {
    if a.len() == 1 {
        return Ok((1, false));
    }
    let mut n = 2;
    if less(vm, a[1], a[0])? {
        for i in 2..a.len() {
            if !less(vm, a[i], a[i - 1])? {
                break;
            }
            n += 1;
        }
        Ok((n, true))
    } else {
        for i in 2..a.len() {
            if less(vm, a[i], a[i - 1])? {
                break;
            }
            n += 1;
        }
        Ok((n, false))
    }
}

/// Binary insertion sort of `a`, whose first `start` items are already sorted.
fn binary_sort(vm: &mut Vm, less: Less<'_>, a: &mut [usize], start: usize) -> PyResult<()> {
    let start = start.max(1);
    for s in start..a.len() {
        let pivot = a[s];
        let (mut l, mut r) = (0, s);
        while l < r {
            let p = l + ((r - l) >> 1);
            if less(vm, pivot, a[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        a.copy_within(l..s, l + 1);
        a[l] = pivot;
    }
    Ok(())
}

/// The "power" of the run boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2).
fn power_loop(s1: usize, n1: usize, n2: usize, n: usize) -> i32 {
    let n = n as i64;
    let mut a = 2 * s1 as i64 + n1 as i64;
    let mut b = a + n1 as i64 + n2 as i64;
    let mut result = 0;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// Merges pending runs whose power exceeds the new boundary's (powersort).
fn found_new_run(vm: &mut Vm, less: Less<'_>, a: &mut [usize], ms: &mut MergeState, n2: usize) -> PyResult<()> {
    let Some(top) = ms.pending.last().copied() else {
        return Ok(());
    };
    let power = power_loop(top.base, top.len, n2, ms.list_len);
    while ms.pending.len() > 1 && ms.pending[ms.pending.len() - 2].power > power {
        let i = ms.pending.len() - 2;
        merge_at(vm, less, a, ms, i)?;
    }
    ms.pending.last_mut().expect("a run").power = power;
    Ok(())
}

/// Where `key` goes in sorted `a` (before any equal items), searching from `hint`.
fn gallop_left(vm: &mut Vm, less: Less<'_>, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let mut last_ofs: isize = 0;
    let mut ofs: isize = 1;
    if less(vm, a[hint as usize], key)? {
        let max_ofs = n - hint;
        while ofs < max_ofs {
            if less(vm, a[(hint + ofs) as usize], key)? {
                last_ofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(max_ofs);
        last_ofs += hint;
        ofs += hint;
    } else {
        let max_ofs = hint + 1;
        while ofs < max_ofs {
            if less(vm, a[(hint - ofs) as usize], key)? {
                break;
            }
            last_ofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max_ofs);
        let k = last_ofs;
        last_ofs = hint - ofs;
        ofs = hint - k;
    }
    last_ofs += 1;
    while last_ofs < ofs {
        let m = last_ofs + ((ofs - last_ofs) >> 1);
        if less(vm, a[m as usize], key)? {
            last_ofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// Where `key` goes in sorted `a` (after any equal items), searching from `hint`.
fn gallop_right(vm: &mut Vm, less: Less<'_>, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let mut last_ofs: isize = 0;
    let mut ofs: isize = 1;
    if less(vm, key, a[hint as usize])? {
        let max_ofs = hint + 1;
        while ofs < max_ofs {
            if less(vm, key, a[(hint - ofs) as usize])? {
                last_ofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(max_ofs);
        let k = last_ofs;
        last_ofs = hint - ofs;
        ofs = hint - k;
    } else {
        let max_ofs = n - hint;
        while ofs < max_ofs {
            if less(vm, key, a[(hint + ofs) as usize])? {
                break;
            }
            last_ofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max_ofs);
        last_ofs += hint;
        ofs += hint;
    }
    last_ofs += 1;
    while last_ofs < ofs {
        let m = last_ofs + ((ofs - last_ofs) >> 1);
        if less(vm, key, a[m as usize])? {
            ofs = m;
        } else {
            last_ofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

/// Merges pending runs i and i+1.
fn merge_at(vm: &mut Vm, less: Less<'_>, a: &mut [usize], ms: &mut MergeState, i: usize) -> PyResult<()> {
    let Run { base: mut base_a, len: mut na, .. } = ms.pending[i];
    let Run { base: base_b, len: nb, .. } = ms.pending[i + 1];
    ms.pending[i].len = na + nb;
    if i + 3 == ms.pending.len() {
        ms.pending[i + 1] = ms.pending[i + 2];
    }
    ms.pending.pop();

    // Items of A before B's first item are already in place.
    let k = gallop_right(vm, less, a[base_b], &a[base_a..base_a + na], 0)?;
    base_a += k;
    na -= k;
    if na == 0 {
        return Ok(());
    }
    // Items of B after A's last item are already in place.
    let nb = gallop_left(vm, less, a[base_a + na - 1], &a[base_b..base_b + nb], nb - 1)?;
    if nb == 0 {
        return Ok(());
    }
    if na <= nb {
        merge_lo(vm, less, a, ms, base_a, na, base_b, nb)
    } else {
        merge_hi(vm, less, a, ms, base_a, na, base_b, nb)
    }
}

/// How a merge loop ended (besides failing).
enum End {
    Done,
    /// merge_lo: A's last item goes after the rest of B.
    CopyB,
    /// merge_hi: B's first item goes before the rest of A.
    CopyA,
}

/// merge_lo's cursors: A lives in `ms.tmp[ia..ia+na]`, B in `a[ib..ib+nb]`.
struct LoState {
    dest: usize,
    ia: usize,
    ib: usize,
    na: usize,
    nb: usize,
}

#[allow(clippy::too_many_arguments)]
fn merge_lo(
    vm: &mut Vm,
    less: Less<'_>,
    a: &mut [usize],
    ms: &mut MergeState,
    pa: usize,
    na: usize,
    pb: usize,
    nb: usize,
) -> PyResult<()> {
    ms.tmp.clear();
    ms.tmp.extend_from_slice(&a[pa..pa + na]);
    let mut st = LoState { dest: pa, ia: 0, ib: pb, na, nb };
    a[st.dest] = a[st.ib];
    st.dest += 1;
    st.ib += 1;
    st.nb -= 1;
    let outcome = if st.nb == 0 {
        Ok(End::Done)
    } else if st.na == 1 {
        Ok(End::CopyB)
    } else {
        merge_lo_loop(vm, less, a, ms, &mut st)
    };
    match outcome {
        Ok(End::CopyB) => {
            a.copy_within(st.ib..st.ib + st.nb, st.dest);
            a[st.dest + st.nb] = ms.tmp[st.ia];
            Ok(())
        }
        other => {
            // Done or failed: what is left of A goes to the gap (B's rest is in place).
            if st.na > 0 {
                a[st.dest..st.dest + st.na].copy_from_slice(&ms.tmp[st.ia..st.ia + st.na]);
            }
            other.map(|_| ())
        }
    }
}

fn merge_lo_loop(vm: &mut Vm, less: Less<'_>, a: &mut [usize], ms: &mut MergeState, st: &mut LoState) -> PyResult<End> {
    let mut min_gallop = ms.min_gallop;
    loop {
        let mut acount = 0usize;
        let mut bcount = 0usize;
        // One item at a time until one run wins consistently.
        loop {
            if less(vm, a[st.ib], ms.tmp[st.ia])? {
                a[st.dest] = a[st.ib];
                st.dest += 1;
                st.ib += 1;
                bcount += 1;
                acount = 0;
                st.nb -= 1;
                if st.nb == 0 {
                    return Ok(End::Done);
                }
                if bcount >= min_gallop {
                    break;
                }
            } else {
                a[st.dest] = ms.tmp[st.ia];
                st.dest += 1;
                st.ia += 1;
                acount += 1;
                bcount = 0;
                st.na -= 1;
                if st.na == 1 {
                    return Ok(End::CopyB);
                }
                if acount >= min_gallop {
                    break;
                }
            }
        }
        // Galloping mode.
        min_gallop += 1;
        loop {
            min_gallop -= (min_gallop > 1) as usize;
            ms.min_gallop = min_gallop;
            let k = gallop_right(vm, less, a[st.ib], &ms.tmp[st.ia..st.ia + st.na], 0)?;
            acount = k;
            if k > 0 {
                a[st.dest..st.dest + k].copy_from_slice(&ms.tmp[st.ia..st.ia + k]);
                st.dest += k;
                st.ia += k;
                st.na -= k;
                if st.na == 1 {
                    return Ok(End::CopyB);
                }
                if st.na == 0 {
                    return Ok(End::Done);
                }
            }
            a[st.dest] = a[st.ib];
            st.dest += 1;
            st.ib += 1;
            st.nb -= 1;
            if st.nb == 0 {
                return Ok(End::Done);
            }
            let k = gallop_left(vm, less, ms.tmp[st.ia], &a[st.ib..st.ib + st.nb], 0)?;
            bcount = k;
            if k > 0 {
                a.copy_within(st.ib..st.ib + k, st.dest);
                st.dest += k;
                st.ib += k;
                st.nb -= k;
                if st.nb == 0 {
                    return Ok(End::Done);
                }
            }
            a[st.dest] = ms.tmp[st.ia];
            st.dest += 1;
            st.ia += 1;
            st.na -= 1;
            if st.na == 1 {
                return Ok(End::CopyB);
            }
            if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                break;
            }
        }
        min_gallop += 1;
        ms.min_gallop = min_gallop;
    }
}

/// merge_hi's cursors (moving down): A's last item is `a[ia]` (A starts at `pa`),
/// B's last is `ms.tmp[ib]` (B starts at 0), the next slot to fill is `a[dest]`.
struct HiState {
    dest: isize,
    ia: isize,
    ib: isize,
    pa: usize,
    na: usize,
    nb: usize,
}

#[allow(clippy::too_many_arguments)]
fn merge_hi(
    vm: &mut Vm,
    less: Less<'_>,
    a: &mut [usize],
    ms: &mut MergeState,
    pa: usize,
    na: usize,
    pb: usize,
    nb: usize,
) -> PyResult<()> {
    ms.tmp.clear();
    ms.tmp.extend_from_slice(&a[pb..pb + nb]);
    let mut st = HiState { dest: (pb + nb - 1) as isize, ia: (pa + na - 1) as isize, ib: nb as isize - 1, pa, na, nb };
    a[st.dest as usize] = a[st.ia as usize];
    st.dest -= 1;
    st.ia -= 1;
    st.na -= 1;
    let outcome = if st.na == 0 {
        Ok(End::Done)
    } else if st.nb == 1 {
        Ok(End::CopyA)
    } else {
        merge_hi_loop(vm, less, a, ms, &mut st)
    };
    match outcome {
        Ok(End::CopyA) => {
            let na = st.na as isize;
            let from = (st.ia + 1 - na) as usize;
            a.copy_within(from..from + st.na, (st.dest + 1 - na) as usize);
            st.dest -= na;
            a[st.dest as usize] = ms.tmp[st.ib as usize];
            Ok(())
        }
        other => {
            // Done or failed: what is left of B goes to the gap (A's rest is in place).
            if st.nb > 0 {
                let start = (st.dest + 1 - st.nb as isize) as usize;
                a[start..start + st.nb].copy_from_slice(&ms.tmp[..st.nb]);
            }
            other.map(|_| ())
        }
    }
}

fn merge_hi_loop(vm: &mut Vm, less: Less<'_>, a: &mut [usize], ms: &mut MergeState, st: &mut HiState) -> PyResult<End> {
    let mut min_gallop = ms.min_gallop;
    loop {
        let mut acount = 0usize;
        let mut bcount = 0usize;
        loop {
            if less(vm, ms.tmp[st.ib as usize], a[st.ia as usize])? {
                a[st.dest as usize] = a[st.ia as usize];
                st.dest -= 1;
                st.ia -= 1;
                acount += 1;
                bcount = 0;
                st.na -= 1;
                if st.na == 0 {
                    return Ok(End::Done);
                }
                if acount >= min_gallop {
                    break;
                }
            } else {
                a[st.dest as usize] = ms.tmp[st.ib as usize];
                st.dest -= 1;
                st.ib -= 1;
                bcount += 1;
                acount = 0;
                st.nb -= 1;
                if st.nb == 1 {
                    return Ok(End::CopyA);
                }
                if bcount >= min_gallop {
                    break;
                }
            }
        }
        min_gallop += 1;
        loop {
            min_gallop -= (min_gallop > 1) as usize;
            ms.min_gallop = min_gallop;
            let key = ms.tmp[st.ib as usize];
            let k = gallop_right(vm, less, key, &a[st.pa..st.pa + st.na], st.na - 1)?;
            let k = st.na - k;
            acount = k;
            if k > 0 {
                st.dest -= k as isize;
                st.ia -= k as isize;
                let from = (st.ia + 1) as usize;
                a.copy_within(from..from + k, (st.dest + 1) as usize);
                st.na -= k;
                if st.na == 0 {
                    return Ok(End::Done);
                }
            }
            a[st.dest as usize] = ms.tmp[st.ib as usize];
            st.dest -= 1;
            st.ib -= 1;
            st.nb -= 1;
            if st.nb == 1 {
                return Ok(End::CopyA);
            }
            let key = a[st.ia as usize];
            let k = gallop_left(vm, less, key, &ms.tmp[..st.nb], st.nb - 1)?;
            let k = st.nb - k;
            bcount = k;
            if k > 0 {
                st.dest -= k as isize;
                st.ib -= k as isize;
                let to = (st.dest + 1) as usize;
                let from = (st.ib + 1) as usize;
                a[to..to + k].copy_from_slice(&ms.tmp[from..from + k]);
                st.nb -= k;
                if st.nb == 1 {
                    return Ok(End::CopyA);
                }
                if st.nb == 0 {
                    return Ok(End::Done);
                }
            }
            a[st.dest as usize] = a[st.ia as usize];
            st.dest -= 1;
            st.ia -= 1;
            st.na -= 1;
            if st.na == 0 {
                return Ok(End::Done);
            }
            if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                break;
            }
        }
        min_gallop += 1;
        ms.min_gallop = min_gallop;
    }
}
