//! Counted references from compiled code: the inline increment and decrement a store
//! into a heap object (`_STORE_SUBSCR_LIST_INT`) makes, as `heap::incref` and
//! `heap::decref` do. Immortals are never counted; a count reaching zero outside the
//! zero-count table goes through `helpers::release`, which puts the object there.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, Value};
use sidewinder_vm::value::gc_bits;

use super::state::Val;
use super::{flags, Lowerer};
use crate::helpers;
use sidewinder_vm::value::StackRef;

/// Whether storing `val` into an object must count a reference. Small ints and bools
/// (True and False are immortal) need none, nor does a constant that is a small int
/// or an immortal object: the lowering knows this without a test at run time.
fn counts_reference(val: Val) -> bool {
    match val {
        Val::Int(_) | Val::Bool(_) => false,
        Val::Const(bits) => StackRef::from_bits(bits as usize).header().is_some_and(|h| !h.has(gc_bits::IMMORTAL)),
        Val::Word(_) | Val::Float(_) => true,
    }
}

impl<'f, 'a> Lowerer<'f, 'a> {
    /// The word of `val`, with the reference the object it is stored into now holds
    /// counted (no code at all where `counts_reference` says none is needed).
    pub(super) fn counted_word(&mut self, val: Val) -> Value {
        let word = self.word(val);
        if counts_reference(val) {
            self.emit_incref(word);
        }
        word
    }

    /// Branches to `counted` when `word` is a heap object that is not immortal (its GC
    /// bits are the block's parameter), else to `done`.
    fn branch_if_counted(
        &mut self,
        word: Value,
        counted: cranelift_codegen::ir::Block,
        done: cranelift_codegen::ir::Block,
    ) {
        let heap = self.b.create_block();
        let tag = self.b.ins().band_imm_s(word, 1);
        let is_null = self.b.ins().icmp_imm_s(IntCC::Equal, word, 0);
        let is_null = self.b.ins().uextend(types::I64, is_null);
        let not_heap = self.b.ins().bor(tag, is_null);
        self.b.ins().brif(not_heap, done, &[], heap, &[]);
        self.b.switch_to_block(heap);
        let gc = self.b.ins().uload8(types::I64, flags(), word, self.layout.header_gc);
        let immortal = self.b.ins().band_imm_s(gc, gc_bits::IMMORTAL as i64);
        self.b.ins().brif(immortal, done, &[], counted, &[gc.into()]);
    }

    fn emit_incref(&mut self, word: Value) {
        let counted = self.b.create_block();
        let gc = self.b.append_block_param(counted, types::I64);
        let _ = gc;
        let done = self.b.create_block();
        self.branch_if_counted(word, counted, done);
        self.b.switch_to_block(counted);
        let count = self.b.ins().load(types::I32, flags(), word, self.layout.header_refcnt);
        let count = self.b.ins().iadd_imm_s(count, 1);
        self.b.ins().store(flags(), count, word, self.layout.header_refcnt);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }

    pub(super) fn emit_decref(&mut self, word: Value) {
        let counted = self.b.create_block();
        let gc = self.b.append_block_param(counted, types::I64);
        let done = self.b.create_block();
        self.branch_if_counted(word, counted, done);
        self.b.switch_to_block(counted);
        let count = self.b.ins().load(types::I32, flags(), word, self.layout.header_refcnt);
        // The last reference, outside the ZCT: out of line.
        let last = self.b.ins().icmp_imm_s(IntCC::Equal, count, 1);
        let in_zct = self.b.ins().band_imm_s(gc, gc_bits::IN_ZCT as i64);
        let outside = self.b.ins().icmp_imm_s(IntCC::Equal, in_zct, 0);
        let release = self.b.ins().band(last, outside);
        let release_block = self.b.create_block();
        self.b.set_cold_block(release_block);
        let decrement = self.b.create_block();
        self.b.ins().brif(release, release_block, &[], decrement, &[]);
        self.b.switch_to_block(release_block);
        let callee = self.iconst(helpers::release as *const () as usize as i64);
        self.b.ins().call_indirect(self.sigs.release, callee, &[word]);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(decrement);
        let count = self.b.ins().iadd_imm_s(count, -1);
        self.b.ins().store(flags(), count, word, self.layout.header_refcnt);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }

    /// `_STORE_SUBSCR_LIST_INT`: `list[index] = value`, counting the new reference and
    /// dropping the old; an index out of range leaves before anything changes.
    pub(super) fn store_subscr_list_int(&mut self, pc: usize) {
        let (value, container, sub) = (self.peek(2), self.peek(1), self.peek(0));
        let list = self.word(container);
        let index = self.int_of(sub);
        let items = self.b.ins().load(types::I64, flags(), list, self.layout.list_items_ptr);
        let len = self.b.ins().load(types::I64, flags(), list, self.layout.list_items_len);
        let address = self.checked_element_address(items, len, index, pc);
        let value = self.counted_word(value);
        let old = self.b.ins().load(types::I64, flags(), address, 0);
        self.b.ins().store(flags(), value, address, 0);
        self.emit_decref(old);
        self.pop();
        self.pop();
        self.pop();
    }
}
