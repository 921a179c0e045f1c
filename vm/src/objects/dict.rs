//! dict: an insertion-ordered hash table of counted references.
//!
//! Entries live in a vector in insertion order (deleted ones become holes until the
//! next compaction); a hashbrown table maps hashes to entry indices. The keys version
//! identifies the current set of keys: any insertion of a new key or deletion resets it,
//! so a cached (version, index) pair lets LOAD_GLOBAL read `entries[index]` directly.
//! A dict an executor depends on is `watched`: its next mutation of any kind (value
//! overwrites included) notifies `tier1::watchers` and clears the flag.
//! Key equality that needs Python code (user `__eq__`) is done by the caller on the
//! candidates this module returns, never while the table is borrowed.

use std::cell::{Cell, RefCell};

use hashbrown::HashTable;

use crate::heap;
use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub hash: i64,
    /// NULL for a deleted entry.
    pub key: StackRef,
    pub value: StackRef,
}

#[derive(Default)]
pub struct DictTable {
    pub entries: Vec<Entry>,
    index: HashTable<u32>,
    live: usize,
}

static NEXT_KEYS_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

pub struct DictData {
    pub table: RefCell<DictTable>,
    /// 0 when no version has been handed out for the current key set.
    pub keys_version: Cell<u32>,
    /// Bumped on every mutation (used to detect changes during iteration).
    pub mutations: Cell<u64>,
    /// Set by `tier1::watchers::watch_dict`: the next mutation notifies the watchers.
    pub watched: Cell<bool>,
}

impl Payload for DictData {
    const KIND: Kind = Kind::Dict;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        for entry in self.table.borrow().entries.iter() {
            if !entry.key.is_null() {
                visit(entry.key);
                visit(entry.value);
            }
        }
    }
}

impl Default for DictData {
    fn default() -> Self {
        DictData::new()
    }
}

impl DictData {
    pub fn new() -> DictData {
        DictData {
            table: RefCell::new(DictTable::default()),
            keys_version: Cell::new(0),
            mutations: Cell::new(0),
            watched: Cell::new(false),
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().live
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys version for the current set of keys, assigning one if needed.
    pub fn ensure_keys_version(&self) -> u32 {
        if self.keys_version.get() == 0 {
            let v = NEXT_KEYS_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            self.keys_version.set(v);
        }
        self.keys_version.get()
    }

    fn keys_changed(&self) {
        self.keys_version.set(0);
    }

    /// Called after every mutation, with the table no longer borrowed.
    #[inline(always)]
    fn changed(&self) {
        if self.watched.get() {
            self.notify_watchers();
        }
    }

    #[cold]
    #[inline(never)]
    fn notify_watchers(&self) {
        self.watched.set(false);
        crate::tier1::watchers::notify(crate::tier1::watchers::Dependency::dict(self));
    }

    /// Entry indices whose hash equals `hash`, in no particular order.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let table = self.table.borrow();
        let entries = &table.entries;
        table
            .index
            .iter_hash(hash as u64)
            .map(|i| *i as usize)
            .filter(|i| entries[*i].hash == hash && !entries[*i].key.is_null())
            .collect()
    }

    /// Finds the entry for `key` when `same` decides equality without Python code.
    pub fn find_with(&self, hash: i64, mut same: impl FnMut(StackRef) -> bool) -> Option<usize> {
        let table = self.table.borrow();
        let entries = &table.entries;
        table
            .index
            .find(hash as u64, |i| {
                let e = &entries[*i as usize];
                e.hash == hash && !e.key.is_null() && same(e.key)
            })
            .map(|i| *i as usize)
    }

    /// Entry slots, deleted ones included (indices run below this).
    pub fn entry_count(&self) -> usize {
        self.table.borrow().entries.len()
    }

    pub fn entry(&self, index: usize) -> Entry {
        self.table.borrow().entries[index]
    }

    /// The value at an entry index if it is still live.
    #[inline]
    pub fn value_at(&self, index: usize) -> Option<StackRef> {
        let table = self.table.borrow();
        table.entries.get(index).filter(|e| !e.key.is_null()).map(|e| e.value)
    }

    /// Replaces the value of an existing entry.
    pub fn set_value_at(&self, index: usize, value: StackRef) {
        heap::incref(value);
        let old = {
            let mut table = self.table.borrow_mut();
            std::mem::replace(&mut table.entries[index].value, value)
        };
        self.mutations.set(self.mutations.get() + 1);
        self.changed();
        heap::decref(old);
    }

    /// Appends a new entry for a key known to be absent.
    pub fn insert_new(&self, hash: i64, key: StackRef, value: StackRef) {
        heap::incref(key);
        heap::incref(value);
        {
            let mut table = self.table.borrow_mut();
            let index = table.entries.len() as u32;
            table.entries.push(Entry { hash, key, value });
            let DictTable { entries, index: idx, .. } = &mut *table;
            idx.insert_unique(hash as u64, index, |i| entries[*i as usize].hash as u64);
            table.live += 1;
        }
        self.mutations.set(self.mutations.get() + 1);
        self.keys_changed();
        self.changed();
    }

    /// Deletes the entry at `index`, returning its key and value (still counted: the
    /// caller must decref them once done).
    pub fn remove_at(&self, index: usize) -> (StackRef, StackRef) {
        let removed = {
            let mut table = self.table.borrow_mut();
            let hash = table.entries[index].hash;
            let DictTable { entries, index: idx, .. } = &mut *table;
            if let Ok(found) = idx.find_entry(hash as u64, |i| *i as usize == index) {
                found.remove();
            }
            let entry = &mut entries[index];
            let removed = (entry.key, entry.value);
            entry.key = StackRef::NULL;
            entry.value = StackRef::NULL;
            table.live -= 1;
            if table.entries.len() > 16 && table.live * 2 < table.entries.len() {
                table.compact();
            }
            removed
        };
        self.mutations.set(self.mutations.get() + 1);
        self.keys_changed();
        self.changed();
        removed
    }

    /// Removes every entry, decref-ing keys and values.
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.mutations.set(self.mutations.get() + 1);
        self.keys_changed();
        self.changed();
        for e in old.entries {
            if !e.key.is_null() {
                heap::decref(e.key);
                heap::decref(e.value);
            }
        }
    }

    /// Live entries as (hash, key, value) with counted handles: a snapshot that stays
    /// valid while Python code (a user `__eq__`, say) runs and mutates the dict.
    pub fn counted_entries(&self) -> Vec<(i64, heap::Handle, heap::Handle)> {
        self.table
            .borrow()
            .entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (e.hash, heap::Handle::new(e.key), heap::Handle::new(e.value)))
            .collect()
    }

    /// Live (key, value) pairs in insertion order.
    pub fn items(&self) -> Vec<(StackRef, StackRef)> {
        self.table.borrow().entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value)).collect()
    }

    /// The n-th slot of the entry vector at or after `pos` that is live: (next pos, entry).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Entry)> {
        let table = self.table.borrow();
        let mut p = pos;
        while p < table.entries.len() {
            let e = table.entries[p];
            if !e.key.is_null() {
                return Some((p + 1, e));
            }
            p += 1;
        }
        None
    }
}

impl DictTable {
    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        let hashes: Vec<u64> = self.entries.iter().map(|e| e.hash as u64).collect();
        let mut index = HashTable::with_capacity(hashes.len());
        for (i, hash) in hashes.iter().enumerate() {
            index.insert_unique(*hash, i as u32, |j| hashes[*j as usize]);
        }
        self.index = index;
    }
}
