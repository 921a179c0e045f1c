//! set and frozenset: an open-addressing table of (hash, key) slots laid out, probed and
//! resized by CPython 3.11's rules, so that iteration order (slot order) is CPython's
//! wherever the hashes are (ints, floats, tuples of them, None, bools).
//!
//! A slot is unused (NULL key, hash 0), a dummy left by a deletion (NULL key, hash -1)
//! or active. The table has at least 8 slots, a power of two; a probe looks at the home
//! slot and, when they fit below the mask, the 9 slots after it, then jumps by
//! `i = (i * 5 + 1 + perturb) & mask` with `perturb` shifted right 5 bits each time.
//! Equality that needs Python code is decided by `ops::sets` between the probing steps
//! here, never while the table is borrowed; `generation` tells it whether the table
//! was rebuilt meanwhile.

use std::cell::{Cell, RefCell};

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

/// Slots of a new or cleared table (CPython's PySet_MINSIZE).
pub const MIN_SIZE: usize = 8;
/// Slots after the home slot that a probe looks at before it jumps.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash a dummy slot carries (no Python hash is -1).
const DUMMY_HASH: i64 = -1;

#[derive(Clone, Copy, Debug)]
pub struct Slot {
    pub hash: i64,
    /// NULL for an unused or dummy slot.
    pub key: StackRef,
}

impl Slot {
    const UNUSED: Slot = Slot { hash: 0, key: StackRef::NULL };
    const DUMMY: Slot = Slot { hash: DUMMY_HASH, key: StackRef::NULL };

    pub fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    pub fn is_dummy(&self) -> bool {
        self.key.is_null() && self.hash == DUMMY_HASH
    }

    pub fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

/// The slot indices a probe for `hash` visits, in CPython's order (endless: the
/// caller stops at an unused slot, and the table always has one).
pub struct ProbeSequence {
    mask: usize,
    base: usize,
    perturb: u64,
    offset: usize,
    run: usize,
}

impl ProbeSequence {
    pub fn new(hash: i64, mask: usize) -> ProbeSequence {
        let base = (hash as u64 as usize) & mask;
        ProbeSequence { mask, base, perturb: hash as u64, offset: 0, run: Self::run_at(base, mask) }
    }

    fn run_at(base: usize, mask: usize) -> usize {
        if base + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        }
    }
}

impl Iterator for ProbeSequence {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.offset > self.run {
            self.perturb >>= PERTURB_SHIFT;
            self.base = (self.base.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & self.mask;
            self.offset = 0;
            self.run = Self::run_at(self.base, self.mask);
        }
        let index = self.base + self.offset;
        self.offset += 1;
        Some(index)
    }
}

pub struct SetTable {
    pub slots: Vec<Slot>,
    /// Active plus dummy slots.
    pub fill: usize,
    /// Active slots: the set's length.
    pub used: usize,
    /// Where `pop` looks first.
    finger: usize,
    /// Bumped whenever the slots are replaced (resize, clear, swap): a probe that ran
    /// Python code restarts if it changed.
    pub generation: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { slots: vec![Slot::UNUSED; MIN_SIZE], fill: 0, used: 0, finger: 0, generation: 0 }
    }
}

impl SetTable {
    pub fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Puts a key known to be absent into `slots`, which has no dummies.
    fn insert_clean(slots: &mut [Slot], key: StackRef, hash: i64) {
        let mask = slots.len() - 1;
        for index in ProbeSequence::new(hash, mask) {
            if slots[index].key.is_null() {
                slots[index] = Slot { hash, key };
                return;
            }
        }
    }

    /// Rebuilds the table with the smallest power-of-two size above `min_used`,
    /// dropping the dummies (CPython's set_table_resize).
    pub fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::UNUSED; size]);
        for slot in old.iter().filter(|s| s.is_active()) {
            Self::insert_clean(&mut self.slots, slot.key, slot.hash);
        }
        self.fill = self.used;
        self.generation += 1;
    }

    /// The size a table grows to once it is too full.
    fn growth_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// Stores a new key at `index`, the slot a probe for it ended at (an unused slot or
    /// the last dummy it passed), growing the table when it gets 60% full. The key's
    /// reference is the caller's to count.
    pub fn insert_at(&mut self, index: usize, key: StackRef, hash: i64) {
        let was_unused = self.slots[index].is_unused();
        self.slots[index] = Slot { hash, key };
        self.used += 1;
        if was_unused {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                self.resize(self.growth_target());
            }
        }
    }

    /// Turns the active slot at `index` into a dummy and returns its key (whose
    /// reference passes to the caller).
    pub fn remove_at(&mut self, index: usize) -> StackRef {
        let key = self.slots[index].key;
        self.slots[index] = Slot::DUMMY;
        self.used -= 1;
        key
    }

    /// Removes and returns an arbitrary key (CPython's: the first active slot from the
    /// finger on, wrapping around). The reference passes to the caller.
    pub fn pop(&mut self) -> Option<StackRef> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut index = self.finger & mask;
        while !self.slots[index].is_active() {
            index = if index == mask { 0 } else { index + 1 };
        }
        self.finger = index + 1;
        Some(self.remove_at(index))
    }

    /// Empties the table, returning the old slots (whose references the caller drops).
    pub fn take_all(&mut self) -> Vec<Slot> {
        let old = std::mem::replace(&mut self.slots, vec![Slot::UNUSED; MIN_SIZE]);
        self.fill = 0;
        self.used = 0;
        self.generation += 1;
        old
    }

    /// The first active slot at or after `pos`: its index and contents.
    pub fn next_active(&self, pos: usize) -> Option<(usize, Slot)> {
        self.slots.get(pos..)?.iter().position(Slot::is_active).map(|offset| (pos + offset, self.slots[pos + offset]))
    }

    /// Active (hash, key) pairs in slot order.
    pub fn active(&self) -> impl Iterator<Item = (i64, StackRef)> + '_ {
        self.slots.iter().filter(|s| s.is_active()).map(|s| (s.hash, s.key))
    }

    /// Sizes the table ahead of adding `incoming` keys at once (CPython's one big resize
    /// before a merge or a dict update).
    pub fn reserve_for(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Copies the keys of `other` into this empty table without comparing them (they are
    /// distinct): slot for slot when the sizes match and `other` has no dummies, by
    /// clean insertion otherwise. Returns false (and does nothing) unless this table is
    /// empty. The copied references are the caller's to count.
    pub fn copy_into_empty(&mut self, other: &SetTable) -> bool {
        if self.fill != 0 {
            return false;
        }
        if self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.copy_from_slice(&other.slots);
        } else {
            for (hash, key) in other.active() {
                Self::insert_clean(&mut self.slots, key, hash);
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }

    /// Rebuilds the table after many deletions (more than a quarter of it dummies), as
    /// CPython does at the end of a difference update.
    pub fn shed_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(self.growth_target());
        }
    }

    /// frozenset's hash: CPython's, a function of the active hashes and the length.
    pub fn hash(&self) -> i64 {
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash: u64 = 0;
        for (h, _) in self.active() {
            hash ^= shuffle_bits(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            hash = 590_923_713;
        }
        hash as i64
    }
}

pub struct SetData {
    pub table: RefCell<SetTable>,
    /// A frozenset (immutable, hashable) rather than a set.
    pub frozen: bool,
    /// A frozenset's hash once computed (-1 before).
    pub cached_hash: Cell<i64>,
}

impl Payload for SetData {
    const KIND: Kind = Kind::Set;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        for (_, key) in self.table.borrow().active() {
            visit(key);
        }
    }
}

impl SetData {
    pub fn new(frozen: bool) -> SetData {
        SetData { table: RefCell::new(SetTable::default()), frozen, cached_hash: Cell::new(-1) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The active (hash, key) pairs in iteration order, copied out of the table.
    pub fn entries(&self) -> Vec<(i64, StackRef)> {
        self.table.borrow().active().collect()
    }
}

/// A set iterator: the set, the next slot to look at, and the length it must keep.
pub struct SetIterData {
    pub set: StackRef,
    pub pos: Cell<usize>,
    pub len_at_start: usize,
    /// Keys still to come while the set keeps its length (`__length_hint__`).
    pub remaining: Cell<usize>,
}

impl Payload for SetIterData {
    const KIND: Kind = Kind::SetIter;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.set);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_tables_jump_without_linear_runs() {
        let probes: Vec<usize> = ProbeSequence::new(0, 7).take(3).collect();
        assert_eq!(probes, vec![0, 1, 6]);
    }

    #[test]
    fn large_tables_probe_ten_slots_before_jumping() {
        let probes: Vec<usize> = ProbeSequence::new(3, 63).take(11).collect();
        assert_eq!(probes, vec![3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16]);
    }

    #[test]
    fn empty_frozenset_hash_is_cpythons() {
        assert_eq!(SetTable::default().hash(), 133_146_708_735_736);
    }
}
