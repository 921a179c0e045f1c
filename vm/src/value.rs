//! The value representation: a `StackRef` is one machine word holding either a tagged
//! 63-bit small int (low bit set) or a pointer to a heap object (low bit clear; 0 is
//! NULL). Heap objects start with a [`Header`] (reference count, GC bits, kind, type).
//!
//! This module and `heap` are where raw pointers are turned into references. The rule
//! that makes this sound is the VM's: objects are only freed by a collection, which runs
//! at a safepoint; a reference obtained here is used before the next safepoint, and Rust
//! code that must keep an object across a call into Python holds a counted `Handle`.

use std::cell::Cell;
use std::marker::PhantomData;

use crate::objects::kind::Kind;

/// GC bits in the header.
pub mod gc_bits {
    /// Never counted, never freed.
    pub const IMMORTAL: u8 = 1;
    /// The object is in the zero-count table.
    pub const IN_ZCT: u8 = 2;
    /// Referenced from a frame at the current collection.
    pub const MARKED: u8 = 4;
    /// In the cycle collector's list of containers.
    pub const TRACKED: u8 = 8;
    /// Found unreachable by the cycle collector.
    pub const GARBAGE: u8 = 16;
}

/// The header every heap object starts with.
#[repr(C)]
pub struct Header {
    /// Counted references from other heap objects and from Rust handles.
    pub refcnt: Cell<u32>,
    pub kind: Kind,
    pub gc: Cell<u8>,
    _pad: u16,
    /// Index in the cycle collector's container list (when TRACKED).
    pub gc_index: Cell<u32>,
    _pad2: u32,
    /// The object's type: a heap pointer to a type object.
    pub ty: Cell<StackRef>,
}

impl Header {
    pub fn new(kind: Kind, ty: StackRef) -> Header {
        Header {
            refcnt: Cell::new(0),
            kind,
            gc: Cell::new(0),
            _pad: 0,
            gc_index: Cell::new(0),
            _pad2: 0,
            ty: Cell::new(ty),
        }
    }
    #[inline(always)]
    pub fn has(&self, bit: u8) -> bool {
        self.gc.get() & bit != 0
    }
    #[inline(always)]
    pub fn set(&self, bit: u8) {
        self.gc.set(self.gc.get() | bit)
    }
    #[inline(always)]
    pub fn clear(&self, bit: u8) {
        self.gc.set(self.gc.get() & !bit)
    }
}

/// A heap object: a header followed by its payload.
#[repr(C)]
pub struct Obj<T> {
    pub header: Header,
    pub data: T,
}

/// A payload type stored in heap objects of one kind.
pub trait Payload: Sized + 'static {
    const KIND: Kind;
    /// Calls `visit` on every counted reference the payload holds.
    fn trace(&self, visit: &mut dyn FnMut(StackRef));
    /// Whether the cycle collector must track this container. An immutable container
    /// that refers to no tracked object can never be part of a cycle (a tuple of ints
    /// and strs, say): such payloads answer false and are never scanned.
    fn needs_tracking(&self) -> bool {
        true
    }
}

/// The tagged word.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(transparent)]
pub struct StackRef(usize);

/// The range of tagged small ints.
pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

impl StackRef {
    pub const NULL: StackRef = StackRef(0);

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    pub fn bits(self) -> usize {
        self.0
    }
    #[inline(always)]
    pub fn from_bits(bits: usize) -> StackRef {
        StackRef(bits)
    }
    /// A tagged small int; `None` when `value` is outside the 63-bit range.
    #[inline(always)]
    pub fn small_int(value: i64) -> Option<StackRef> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&value) {
            Some(StackRef(((value << 1) | 1) as usize))
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.0 & 1 == 1
    }
    /// The value of a tagged small int (meaningless for other words).
    #[inline(always)]
    pub fn small_int_value(self) -> i64 {
        (self.0 as i64) >> 1
    }
    #[inline(always)]
    pub fn is_heap(self) -> bool {
        self.0 & 1 == 0 && self.0 != 0
    }
    /// The word for a heap object.
    #[inline(always)]
    pub fn from_obj<T>(obj: *const Obj<T>) -> StackRef {
        StackRef(obj as usize)
    }
    #[inline(always)]
    pub fn header_ptr(self) -> *mut Header {
        self.0 as *mut Header
    }
    /// The header of a heap object.
    #[inline(always)]
    pub fn header(self) -> Option<&'static Header> {
        if self.is_heap() {
            // SAFETY: a non-null untagged StackRef always points at a live heap object
            // (objects are freed only at safepoints when no frame or handle refers to them).
            Some(unsafe { &*(self.0 as *const Header) })
        } else {
            None
        }
    }
    /// The kind of the value; tagged ints are `Kind::SmallInt`, NULL is `Kind::Null`.
    #[inline(always)]
    pub fn kind(self) -> Kind {
        if self.is_small_int() {
            Kind::SmallInt
        } else if self.0 == 0 {
            Kind::Null
        } else {
            // SAFETY: as in `header`.
            unsafe { (*(self.0 as *const Header)).kind }
        }
    }
    #[inline(always)]
    pub fn is_kind(self, kind: Kind) -> bool {
        self.is_heap() && {
            // SAFETY: as in `header`.
            unsafe { (*(self.0 as *const Header)).kind == kind }
        }
    }
    /// The payload, when the value is a heap object of `T`'s kind.
    #[inline(always)]
    pub fn downcast<T: Payload>(self) -> Option<&'static T> {
        if self.is_kind(T::KIND) {
            // SAFETY: the kind byte says this object was allocated as an Obj<T>.
            Some(unsafe { &(*(self.0 as *const Obj<T>)).data })
        } else {
            None
        }
    }
    /// The payload of a value known to be of `T`'s kind.
    ///
    /// # Safety
    /// The value must be a live heap object allocated as `Obj<T>`.
    #[inline(always)]
    pub unsafe fn payload_unchecked<T: Payload>(self) -> &'static T {
        debug_assert!(self.is_kind(T::KIND));
        // SAFETY: guaranteed by the caller.
        unsafe { &(*(self.0 as *const Obj<T>)).data }
    }
    #[inline(always)]
    pub fn is_immortal(self) -> bool {
        match self.header() {
            Some(h) => h.has(gc_bits::IMMORTAL),
            None => true,
        }
    }
}

impl std::fmt::Debug for StackRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_small_int() {
            write!(f, "StackRef(int {})", self.small_int_value())
        } else if self.is_null() {
            write!(f, "StackRef(NULL)")
        } else {
            write!(f, "StackRef({:?} @{:#x})", self.kind(), self.0)
        }
    }
}

/// A raw pointer into a frame's value stack, used by the interpreters to push and pop.
/// The compiler's computed stack size guarantees the pushes stay within the frame.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct StackPtr {
    ptr: *mut StackRef,
    _marker: PhantomData<StackRef>,
}

impl StackPtr {
    pub fn new(ptr: *mut StackRef) -> StackPtr {
        StackPtr { ptr, _marker: PhantomData }
    }
    #[inline(always)]
    pub fn raw(self) -> *mut StackRef {
        self.ptr
    }
    /// The item `depth` slots below the top (0 = the top).
    #[inline(always)]
    pub fn peek(self, depth: usize) -> StackRef {
        // SAFETY: the interpreter only peeks at items the instruction's stack effect
        // guarantees are on the stack.
        unsafe { *self.ptr.sub(depth + 1) }
    }
    #[inline(always)]
    pub fn set(self, depth: usize, value: StackRef) {
        // SAFETY: as in `peek`.
        unsafe { *self.ptr.sub(depth + 1) = value }
    }
    /// `count` items ending `depth` slots below the top, bottom first.
    #[inline(always)]
    pub fn slice(self, depth: usize, count: usize) -> &'static [StackRef] {
        // SAFETY: as in `peek`; the slice is used before the stack changes.
        unsafe { std::slice::from_raw_parts(self.ptr.sub(depth + count), count) }
    }
    /// Scratch room above the top, `offset` slots up.
    #[inline(always)]
    pub fn scratch(self, offset: usize, count: usize) -> &'static mut [StackRef] {
        // SAFETY: frames reserve STACK_SLACK slots above their computed stack size for this.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.add(offset), count) }
    }
    #[inline(always)]
    pub fn push(&mut self, value: StackRef) {
        // SAFETY: the compiler's stack size bounds the pushes.
        unsafe {
            *self.ptr = value;
            self.ptr = self.ptr.add(1);
        }
    }
    #[inline(always)]
    pub fn pop(&mut self) -> StackRef {
        // SAFETY: pops match earlier pushes.
        unsafe {
            self.ptr = self.ptr.sub(1);
            *self.ptr
        }
    }
    #[inline(always)]
    pub fn drop_n(&mut self, count: usize) {
        // SAFETY: as in `pop`.
        self.ptr = unsafe { self.ptr.sub(count) };
    }
    #[inline(always)]
    pub fn advance(&mut self, count: usize) {
        // SAFETY: as in `push`.
        self.ptr = unsafe { self.ptr.add(count) };
    }
    /// Pushes `count` items copied from `source`, which may overlap the destination
    /// (array outputs are produced in scratch room above the top, then moved down).
    ///
    /// # Safety
    /// `source..source+count` must lie in the same frame's stack area.
    #[inline(always)]
    pub unsafe fn push_from(&mut self, source: *const StackRef, count: usize) {
        // SAFETY: guaranteed by the caller; `copy` allows overlap.
        unsafe {
            std::ptr::copy(source, self.ptr, count);
            self.ptr = self.ptr.add(count);
        }
    }
    /// Items between `base` and this pointer.
    #[inline(always)]
    pub fn depth_from(self, base: StackPtr) -> usize {
        // SAFETY: both pointers are in the same frame.
        unsafe { self.ptr.offset_from(base.ptr) as usize }
    }
}

/// The local variables of a frame.
#[derive(Clone, Copy, Debug)]
pub struct Locals {
    ptr: *mut StackRef,
}

impl Locals {
    pub fn new(ptr: *mut StackRef) -> Locals {
        Locals { ptr }
    }
    #[inline(always)]
    pub fn get(self, index: usize) -> StackRef {
        // SAFETY: the compiler only emits local indices below the code's local count.
        unsafe { *self.ptr.add(index) }
    }
    #[inline(always)]
    pub fn set(self, index: usize, value: StackRef) {
        // SAFETY: as in `get`.
        unsafe { *self.ptr.add(index) = value }
    }
    pub fn raw(self) -> *mut StackRef {
        self.ptr
    }
}
