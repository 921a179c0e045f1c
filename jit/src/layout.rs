//! Where the fields compiled code reads and writes sit in memory: the frame, object
//! headers, float, list, tuple, cell and iterator payloads, and the immortal singletons.
//!
//! Most offsets come from `offset_of!`. The item arrays of lists
//! (`RefCell<Vec<StackRef>>`) and tuples (`Box<[StackRef]>`) have no stable layout, so
//! their pointer and length words are found by probing a value of the same type whose
//! words are known: the layout of a type is fixed within one build.

use std::cell::RefCell;
use std::mem::{offset_of, size_of};

use sidewinder_vm::objects::cell::CellData;
use sidewinder_vm::objects::float::FloatData;
use sidewinder_vm::objects::iterators::{ListIterData, SeqIterData};
use sidewinder_vm::objects::kind::Kind;
use sidewinder_vm::objects::list::ListData;
use sidewinder_vm::objects::range::RangeIterData;
use sidewinder_vm::objects::tuple::TupleData;
use sidewinder_vm::runtime::frame::Frame;
use sidewinder_vm::runtime::types::types;
use sidewinder_vm::value::{Header, Obj};
use sidewinder_vm::StackRef;

/// Byte offsets (from an object's or a frame's start) and constants of the VM.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub frame_localsplus: i32,
    pub frame_sp: i32,
    pub frame_ip: i32,
    pub frame_return_ip: i32,
    pub header_kind: i32,
    pub header_refcnt: i32,
    pub header_gc: i32,
    pub float_value: i32,
    pub list_items_ptr: i32,
    pub list_items_len: i32,
    pub tuple_items_ptr: i32,
    pub tuple_items_len: i32,
    pub range_iter_next: i32,
    pub range_iter_step: i32,
    pub range_iter_remaining: i32,
    pub list_iter_seq: i32,
    pub list_iter_index: i32,
    /// A cell's contents word (`Cell<StackRef>` has the layout of the word it holds).
    pub cell_contents: i32,
    pub true_bits: i64,
    pub false_bits: i64,
    pub none_bits: i64,
}

/// The kind byte of a kind, as compiled code compares it.
pub fn kind_byte(kind: Kind) -> i64 {
    kind as u8 as i64
}

/// The word index of each of `needles` within `value`'s words.
fn word_indices<T, const N: usize>(value: &T, needles: [usize; N]) -> [i32; N] {
    let words = size_of::<T>() / size_of::<usize>();
    let base = value as *const T as *const usize;
    let mut found = [-1i32; N];
    for i in 0..words {
        // SAFETY: `value` spans `words` whole words (a RefCell<Vec> or a boxed slice:
        // integers and pointers with no padding), all initialised.
        let word = unsafe { base.add(i).read_unaligned() };
        for (slot, needle) in found.iter_mut().zip(needles) {
            if word == needle && *slot < 0 {
                *slot = i as i32;
            }
        }
    }
    assert!(found.iter().all(|&i| i >= 0), "layout probe failed");
    found
}

impl Layout {
    /// Reads the layout; the singletons need the VM's types to exist.
    pub fn probe() -> Layout {
        let word = size_of::<usize>() as i32;
        // A list's items: a RefCell around a Vec, whose pointer, length and capacity
        // are three distinct values here.
        let mut vec: Vec<StackRef> = Vec::with_capacity(7);
        vec.extend([StackRef::NULL; 3]);
        let ptr = vec.as_ptr() as usize;
        let cell = RefCell::new(vec);
        let [list_ptr, list_len] = word_indices(&cell, [ptr, 3]);
        let boxed: Box<[StackRef]> = vec![StackRef::NULL; 5].into_boxed_slice();
        let boxed_ptr = boxed.as_ptr() as usize;
        let [tuple_ptr, tuple_len] = word_indices(&boxed, [boxed_ptr, 5]);

        let list_items = (offset_of!(Obj<ListData>, data) + offset_of!(ListData, items)) as i32;
        let tuple_items = (offset_of!(Obj<TupleData>, data) + offset_of!(TupleData, items)) as i32;
        let range = offset_of!(Obj<RangeIterData>, data);
        let seq = offset_of!(Obj<ListIterData>, data) + offset_of!(ListIterData, 0);
        let t = types();
        Layout {
            frame_localsplus: offset_of!(Frame, localsplus) as i32,
            frame_sp: offset_of!(Frame, sp) as i32,
            frame_ip: offset_of!(Frame, ip) as i32,
            frame_return_ip: offset_of!(Frame, return_ip) as i32,
            header_kind: offset_of!(Header, kind) as i32,
            header_refcnt: offset_of!(Header, refcnt) as i32,
            header_gc: offset_of!(Header, gc) as i32,
            float_value: (offset_of!(Obj<FloatData>, data) + offset_of!(FloatData, value)) as i32,
            list_items_ptr: list_items + list_ptr * word,
            list_items_len: list_items + list_len * word,
            tuple_items_ptr: tuple_items + tuple_ptr * word,
            tuple_items_len: tuple_items + tuple_len * word,
            range_iter_next: (range + offset_of!(RangeIterData, next)) as i32,
            range_iter_step: (range + offset_of!(RangeIterData, step)) as i32,
            range_iter_remaining: (range + offset_of!(RangeIterData, remaining)) as i32,
            list_iter_seq: (seq + offset_of!(SeqIterData, seq)) as i32,
            list_iter_index: (seq + offset_of!(SeqIterData, index)) as i32,
            cell_contents: (offset_of!(Obj<CellData>, data) + offset_of!(CellData, contents)) as i32,
            true_bits: t.true_.bits() as i64,
            false_bits: t.false_.bits() as i64,
            none_bits: t.none.bits() as i64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probing_finds_the_vec_and_slice_words() {
        let mut vec: Vec<StackRef> = Vec::with_capacity(9);
        vec.extend([StackRef::from_bits(3); 2]);
        let ptr = vec.as_ptr() as usize;
        let cell = RefCell::new(vec);
        let [p, l] = word_indices(&cell, [ptr, 2]);
        let base = &cell as *const RefCell<Vec<StackRef>> as *const usize;
        // SAFETY: the indices are within the cell's words (checked by the probe).
        unsafe {
            assert_eq!(base.add(p as usize).read(), ptr);
            assert_eq!(base.add(l as usize).read(), 2);
        }
        assert_eq!(cell.borrow().len(), 2);
    }
}
