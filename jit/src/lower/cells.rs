//! Cells inline: LOAD_DEREF and STORE_DEREF read and write a cell's contents word
//! directly. The cell itself is the frame slot's value, cached like any local (only
//! MAKE_CELL and COPY_FREE_VARS, generic calls that forget the cached locals, put cells
//! into slots); the contents are loaded at every use, never cached, since any call may
//! store into a cell that another closure shares.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, Value};

use super::state::Val;
use super::{flags, ColdAction, Lowerer};

impl<'f, 'a> Lowerer<'f, 'a> {
    /// The cell in slot `slot`, kept in the local cache. A slot with no cell (never in
    /// code the compiler made) goes to `fallback`, the uop's generic function.
    fn cell_in_slot(&mut self, slot: u32, pc: usize) -> Value {
        let (val, known) = self.load_local(slot);
        let cell = self.word(val);
        // A cached cell was checked when it was loaded; a cleared slot (a comprehension's
        // cell before its MAKE_CELL) is the constant NULL.
        if !known || matches!(val, Val::Const(0)) {
            let missing = self.b.ins().icmp_imm_s(IntCC::Equal, cell, 0);
            self.cold_if(missing, ColdAction::Fallback(pc));
        }
        if !known {
            self.cache_local(slot, val, false);
        }
        cell
    }

    /// `LOAD_DEREF`: the cell's contents; an empty cell goes to the generic function,
    /// which raises NameError or UnboundLocalError as tier 1 does.
    pub(super) fn load_deref(&mut self, pc: usize) {
        let slot = self.input.trace.uops[pc].oparg;
        let cell = self.cell_in_slot(slot, pc);
        let value = self.b.ins().load(types::I64, flags(), cell, self.layout.cell_contents);
        let empty = self.b.ins().icmp_imm_s(IntCC::Equal, value, 0);
        self.cold_if(empty, ColdAction::Fallback(pc));
        self.push(Val::Word(value));
    }

    /// `STORE_DEREF`: the new contents are counted and the old ones dropped, as
    /// `heap::replace` does.
    pub(super) fn store_deref(&mut self, pc: usize) {
        let slot = self.input.trace.uops[pc].oparg;
        let cell = self.cell_in_slot(slot, pc);
        let top = self.peek(0);
        let value = self.counted_word(top);
        let old = self.b.ins().load(types::I64, flags(), cell, self.layout.cell_contents);
        self.b.ins().store(flags(), value, cell, self.layout.cell_contents);
        self.emit_decref(old);
        self.pop();
    }
}
