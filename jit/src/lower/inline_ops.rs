//! The uops lowered inline: stack and local moves, constants, the int and float
//! arithmetic with its guards, comparisons and truth tests, branches, list and tuple
//! indexing, range and list iteration, `_POP_FRAME`, and the trace's own control uops.
//! Each does exactly what its Rust body does; anything unusual (an overflow, an index
//! out of range, a type that is not the expected one) leaves by the uop's exit, with
//! the state as it was before the uop, and tier 1 redoes the instruction.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, InstBuilder, StackSlotData, StackSlotKind, Value};
use sidewinder_vm::objects::kind::Kind;
use sidewinder_vm::opcodes::Uop;
use sidewinder_vm::uops::binary_op::EXACT_INT_IN_F64;
use sidewinder_vm::value::{SMALL_INT_MAX, SMALL_INT_MIN};

use super::state::Val;
use super::{flags, ColdAction, Lowerer};
use crate::helpers;
use crate::layout::kind_byte;

/// Comparison of `COMPARE_OP`'s oparg (its low four bits).
fn int_cc(oparg: u32) -> IntCC {
    match oparg & 15 {
        0 => IntCC::SignedLessThan,
        1 => IntCC::SignedLessThanOrEqual,
        2 => IntCC::Equal,
        3 => IntCC::NotEqual,
        4 => IntCC::SignedGreaterThan,
        _ => IntCC::SignedGreaterThanOrEqual,
    }
}

/// As `int_cc`, with Rust's float semantics (NaN compares unequal to everything).
fn float_cc(oparg: u32) -> FloatCC {
    match oparg & 15 {
        0 => FloatCC::LessThan,
        1 => FloatCC::LessThanOrEqual,
        2 => FloatCC::Equal,
        3 => FloatCC::NotEqual,
        4 => FloatCC::GreaterThan,
        _ => FloatCC::GreaterThanOrEqual,
    }
}

impl<'f, 'a> Lowerer<'f, 'a> {
    /// Lowers uop `pc` inline if it is one of the inline uops; false otherwise.
    pub(super) fn lower_inline(&mut self, pc: usize) -> bool {
        let inst = self.input.trace.uops[pc];
        let oparg = inst.oparg;
        match inst.uop {
            Uop::NOP => {}
            Uop::_SET_IP => self.state.pending_ip = Some(inst.operand),
            Uop::_CHECK_VALIDITY => {
                let address = self.iconst(self.input.validity_flag as i64);
                let valid = self.b.ins().load(types::I8, flags(), address, 0);
                let invalid = self.b.ins().icmp_imm_s(IntCC::Equal, valid, 0);
                self.exit_if(invalid, pc);
            }
            Uop::LOAD_FAST => {
                let (val, known) = self.load_local(oparg);
                if !known {
                    let Val::Word(word) = val else { unreachable!("loaded words") };
                    let unbound = self.b.ins().icmp_imm_s(IntCC::Equal, word, 0);
                    // LOAD_FAST cannot exit: its generic function raises the error.
                    self.cold_if(unbound, ColdAction::Fallback(pc));
                    self.cache_local(oparg, val, false);
                }
                self.push(val);
            }
            Uop::STORE_FAST => {
                let val = self.pop();
                self.cache_local(oparg, val, true);
            }
            Uop::LOAD_CONST => {
                let code = self.input.trace.frames[inst.frame as usize].code;
                self.push(Val::Const(code.constants[oparg as usize].bits() as i64));
            }
            Uop::_LOAD_CONST_INLINE => {
                self.push(Val::Const(inst.operand as i64));
                if oparg & 1 != 0 {
                    self.push(Val::Const(0));
                }
            }
            Uop::_POP_TOP_LOAD_CONST_INLINE => {
                self.pop();
                self.push(Val::Const(inst.operand as i64));
                if oparg & 1 != 0 {
                    self.push(Val::Const(0));
                }
            }
            Uop::POP_TOP => {
                self.pop();
            }
            Uop::PUSH_NULL => self.push(Val::Const(0)),
            Uop::COPY => {
                let val = self.peek(oparg as usize - 1);
                self.push(val);
            }
            Uop::SWAP => {
                let top = self.peek(0);
                let bottom = self.peek(oparg as usize - 1);
                self.set_peek(0, bottom);
                self.set_peek(oparg as usize - 1, top);
            }
            Uop::_GUARD_BOTH_INT => {
                self.guard_int(1, pc);
                self.guard_int(0, pc);
            }
            Uop::_GUARD_BOTH_FLOAT => {
                for depth in [1, 0] {
                    let val = self.peek(depth);
                    if !val.is_float() {
                        let word = self.word(val);
                        self.guard_kind(word, Kind::Float, pc);
                        let value = self.b.ins().load(types::F64, flags(), word, self.layout.float_value);
                        self.set_peek(depth, Val::Float(value));
                    }
                }
            }
            Uop::_BINARY_OP_FLOOR_DIVIDE_INT | Uop::_BINARY_OP_REMAINDER_INT => {
                let (left, right) = self.binary_operands();
                let (a, b) = (self.int_of(left), self.int_of(right));
                let by_zero = self.b.ins().icmp_imm_s(IntCC::Equal, b, 0);
                self.exit_if(by_zero, pc);
                // Truncating division, then the step toward negative infinity when the
                // remainder is non-zero and its sign differs from the divisor's.
                let quotient = self.b.ins().sdiv(a, b);
                let remainder = self.b.ins().srem(a, b);
                let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, remainder, 0);
                let signs = self.b.ins().bxor(remainder, b);
                let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                let adjust = self.b.ins().band(nonzero, differ);
                let result = if inst.uop == Uop::_BINARY_OP_FLOOR_DIVIDE_INT {
                    let lower = self.b.ins().iadd_imm_s(quotient, -1);
                    self.b.ins().select(adjust, lower, quotient)
                } else {
                    let wrapped = self.b.ins().iadd(remainder, b);
                    self.b.ins().select(adjust, wrapped, remainder)
                };
                self.guard_small_int(result, pc);
                self.binary_result(Val::Int(result));
            }
            Uop::_BINARY_OP_ADD_INT | Uop::_BINARY_OP_SUBTRACT_INT | Uop::_BINARY_OP_MULTIPLY_INT => {
                let (left, right) = self.binary_operands();
                let (a, b) = (self.int_of(left), self.int_of(right));
                let result = match inst.uop {
                    Uop::_BINARY_OP_ADD_INT => self.b.ins().iadd(a, b),
                    Uop::_BINARY_OP_SUBTRACT_INT => self.b.ins().isub(a, b),
                    _ => {
                        let (product, overflow) = self.b.ins().smul_overflow(a, b);
                        self.exit_if(overflow, pc);
                        product
                    }
                };
                // Operands are 63-bit, so a sum or difference cannot overflow 64 bits;
                // a result outside the small-int range deopts (tier 1 makes a big int).
                self.guard_small_int(result, pc);
                self.binary_result(Val::Int(result));
            }
            Uop::_BINARY_OP_AND_INT | Uop::_BINARY_OP_OR_INT | Uop::_BINARY_OP_XOR_INT => {
                // Bitwise ops of two values in the small-int range stay in it.
                let (left, right) = self.binary_operands();
                let (a, b) = (self.int_of(left), self.int_of(right));
                let result = match inst.uop {
                    Uop::_BINARY_OP_AND_INT => self.b.ins().band(a, b),
                    Uop::_BINARY_OP_OR_INT => self.b.ins().bor(a, b),
                    _ => self.b.ins().bxor(a, b),
                };
                self.binary_result(Val::Int(result));
            }
            Uop::_BINARY_OP_RSHIFT_INT => {
                let (left, right) = self.binary_operands();
                let (a, n) = (self.int_of(left), self.int_of(right));
                let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, n, 0);
                self.exit_if(negative, pc);
                // Counts past the width shift in the sign: 63 does that.
                let widest = self.iconst(63);
                let count = self.b.ins().smin(n, widest);
                let result = self.b.ins().sshr(a, count);
                self.binary_result(Val::Int(result));
            }
            Uop::_BINARY_OP_LSHIFT_INT => {
                let (left, right) = self.binary_operands();
                let (a, n) = (self.int_of(left), self.int_of(right));
                let out_of_range = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, n, 63);
                self.exit_if(out_of_range, pc);
                let shifted = self.b.ins().ishl(a, n);
                let back = self.b.ins().sshr(shifted, n);
                let lost = self.b.ins().icmp(IntCC::NotEqual, back, a);
                self.exit_if(lost, pc);
                self.guard_small_int(shifted, pc);
                self.binary_result(Val::Int(shifted));
            }
            Uop::_BINARY_OP_ADD_FLOAT
            | Uop::_BINARY_OP_SUBTRACT_FLOAT
            | Uop::_BINARY_OP_MULTIPLY_FLOAT
            | Uop::_BINARY_OP_TRUE_DIVIDE_FLOAT => {
                let (left, right) = self.binary_operands();
                let (a, b) = (self.float_of(left), self.float_of(right));
                let result = match inst.uop {
                    Uop::_BINARY_OP_ADD_FLOAT => self.b.ins().fadd(a, b),
                    Uop::_BINARY_OP_SUBTRACT_FLOAT => self.b.ins().fsub(a, b),
                    Uop::_BINARY_OP_MULTIPLY_FLOAT => self.b.ins().fmul(a, b),
                    _ => {
                        let zero = self.b.ins().f64const(0.0);
                        let by_zero = self.b.ins().fcmp(FloatCC::Equal, b, zero);
                        self.exit_if(by_zero, pc);
                        self.b.ins().fdiv(a, b)
                    }
                };
                self.binary_result(Val::Float(result));
            }
            Uop::_BINARY_OP_POWER_FLOAT => {
                let (left, right) = self.binary_operands();
                let (a, b) = (self.float_of(left), self.float_of(right));
                let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
                let out = self.b.ins().stack_addr(types::I64, slot, 0);
                let callee = self.iconst(helpers::power_float as *const () as usize as i64);
                let call = self.b.ins().call_indirect(self.sigs.power_float, callee, &[a, b, out]);
                let ok = self.b.inst_results(call)[0];
                let failed = self.b.ins().icmp_imm_s(IntCC::Equal, ok, 0);
                self.exit_if(failed, pc);
                let result = self.b.ins().stack_load(types::I64, types::F64, slot, 0);
                self.binary_result(Val::Float(result));
            }
            Uop::_BINARY_OP_TRUE_DIVIDE_NUMBERS => {
                let (left, right) = self.binary_operands();
                let (a, a_big) = self.number_of(left, pc);
                let (b, b_big) = self.number_of(right, pc);
                // Two ints must both lie within 2**53, or tier 1 divides them: leave
                // when both are ints (bit 1 in both) and one is beyond (bit 0 in either).
                let both = self.b.ins().band(a_big, b_big);
                let both_ints = self.b.ins().ushr_imm_s(both, 1);
                let either = self.b.ins().bor(a_big, b_big);
                let one_big = self.b.ins().band_imm_s(either, 1);
                let big = self.b.ins().band(both_ints, one_big);
                self.exit_if(big, pc);
                let zero = self.b.ins().f64const(0.0);
                let by_zero = self.b.ins().fcmp(FloatCC::Equal, b, zero);
                self.exit_if(by_zero, pc);
                let result = self.b.ins().fdiv(a, b);
                self.binary_result(Val::Float(result));
            }
            Uop::_COMPARE_OP_INT => {
                let (left, right) = self.binary_operands();
                let (a, b) = (self.int_of(left), self.int_of(right));
                let result = self.b.ins().icmp(int_cc(oparg), a, b);
                self.binary_result(Val::Bool(result));
            }
            Uop::_COMPARE_OP_FLOAT => {
                let (left, right) = self.binary_operands();
                let (a, b) = (self.float_of(left), self.float_of(right));
                let result = self.b.ins().fcmp(float_cc(oparg), a, b);
                self.binary_result(Val::Bool(result));
            }
            Uop::IS_OP => {
                let (left, right) = self.binary_operands();
                let result = match (left, right) {
                    // One unboxed float on both sides: one object in Python (boxing
                    // each side would make two).
                    (Val::Float(a), Val::Float(b)) if a == b => self.b.ins().iconst(types::I8, (oparg != 1) as i64),
                    _ => {
                        let (a, b) = (self.word(left), self.word(right));
                        let cc = if oparg == 1 { IntCC::NotEqual } else { IntCC::Equal };
                        self.b.ins().icmp(cc, a, b)
                    }
                };
                self.binary_result(Val::Bool(result));
            }
            Uop::_TO_BOOL_BOOL => {
                let val = self.peek(0);
                if !matches!(val, Val::Bool(_)) {
                    let word = self.word(val);
                    let is_true = self.b.ins().icmp_imm_s(IntCC::Equal, word, self.layout.true_bits);
                    let is_false = self.b.ins().icmp_imm_s(IntCC::Equal, word, self.layout.false_bits);
                    let is_bool = self.b.ins().bor(is_true, is_false);
                    let not_bool = self.b.ins().icmp_imm_s(IntCC::Equal, is_bool, 0);
                    self.exit_if(not_bool, pc);
                    self.set_peek(0, Val::Bool(is_true));
                }
            }
            Uop::_TO_BOOL_INT => {
                let val = self.peek(0);
                if !val.is_int() {
                    let word = self.word(val);
                    let tag = self.b.ins().band_imm_s(word, 1);
                    let not_int = self.b.ins().icmp_imm_s(IntCC::Equal, tag, 0);
                    self.exit_if(not_int, pc);
                }
                let raw = self.int_of(val);
                let truth = self.b.ins().icmp_imm_s(IntCC::NotEqual, raw, 0);
                self.pop();
                self.push(Val::Bool(truth));
            }
            Uop::_TO_BOOL_NONE => {
                let val = self.peek(0);
                let word = self.word(val);
                let not_none = self.b.ins().icmp_imm_s(IntCC::NotEqual, word, self.layout.none_bits);
                self.exit_if(not_none, pc);
                self.pop();
                self.push(Val::Const(self.layout.false_bits));
            }
            Uop::POP_JUMP_IF_FALSE | Uop::POP_JUMP_IF_TRUE => {
                let cond = self.pop();
                let is_true = self.truth(cond);
                let taken = if inst.uop == Uop::POP_JUMP_IF_TRUE {
                    is_true
                } else {
                    self.b.ins().icmp_imm_s(IntCC::Equal, is_true, 0)
                };
                self.branch(taken, inst.expect_jump, pc);
            }
            Uop::POP_JUMP_IF_NONE | Uop::POP_JUMP_IF_NOT_NONE => {
                let val = self.pop();
                let word = self.word(val);
                let cc = if inst.uop == Uop::POP_JUMP_IF_NONE { IntCC::Equal } else { IntCC::NotEqual };
                let taken = self.b.ins().icmp_imm_s(cc, word, self.layout.none_bits);
                self.branch(taken, inst.expect_jump, pc);
            }
            Uop::_GUARD_LIST_INT | Uop::_GUARD_TUPLE_INT => {
                self.guard_int(0, pc);
                let container = self.peek(1);
                let word = self.word(container);
                let kind = if inst.uop == Uop::_GUARD_LIST_INT { Kind::List } else { Kind::Tuple };
                self.guard_kind(word, kind, pc);
                self.set_peek(1, Val::Word(word));
            }
            Uop::_BINARY_SUBSCR_LIST_INT | Uop::_BINARY_SUBSCR_TUPLE_INT => {
                let (container, sub) = (self.peek(1), self.peek(0));
                let container = self.word(container);
                let index = self.int_of(sub);
                let (ptr_offset, len_offset) = if inst.uop == Uop::_BINARY_SUBSCR_LIST_INT {
                    (self.layout.list_items_ptr, self.layout.list_items_len)
                } else {
                    (self.layout.tuple_items_ptr, self.layout.tuple_items_len)
                };
                let items = self.b.ins().load(types::I64, flags(), container, ptr_offset);
                let len = self.b.ins().load(types::I64, flags(), container, len_offset);
                let element = self.checked_element(items, len, index, pc);
                self.binary_result(Val::Word(element));
            }
            Uop::_STORE_SUBSCR_LIST_INT => self.store_subscr_list_int(pc),
            Uop::LOAD_DEREF => self.load_deref(pc),
            Uop::STORE_DEREF => self.store_deref(pc),
            Uop::_ITER_CHECK_RANGE | Uop::_ITER_CHECK_LIST => {
                let iter = self.peek(0);
                let word = self.word(iter);
                let kind = if inst.uop == Uop::_ITER_CHECK_RANGE { Kind::RangeIter } else { Kind::ListIter };
                self.guard_kind(word, kind, pc);
                self.set_peek(0, Val::Word(word));
            }
            Uop::_FOR_ITER_RANGE => self.for_iter_range(pc),
            Uop::_FOR_ITER_LIST => self.for_iter_list(pc),
            Uop::_POP_FRAME => {
                // The callee's frame goes: its stack and locals need no write-back. The
                // caller's picture comes back (a side trace that started in the callee
                // knows nothing of the caller).
                let retval = self.pop();
                self.state = self.saved_frames.pop().unwrap_or_default();
                let callee = self.iconst(helpers::pop_frame as *const () as usize as i64);
                self.b.ins().call_indirect(self.sigs.pop_frame, callee, &[self.ctx]);
                self.reload_frame(true);
                self.push(retval);
            }
            Uop::_INIT_CALL_PY_EXACT_ARGS if self.frame_push_is_inline(pc) => {
                let covered = self.lower_frame_push(pc).expect("a push group");
                self.skip = covered - 1;
            }
            Uop::RESUME => self.lower_resume(pc),
            Uop::_JUMP_TO_TOP => {
                self.jump_to_top(pc);
                self.ended = true;
            }
            Uop::_EXIT_TRACE => {
                self.leave_by_exit(inst.exit);
                self.ended = true;
            }
            _ => return false,
        }
        true
    }

    /// A small int or float operand as an f64 (an int converted to the nearest), with an
    /// i8 class: 0 for a float, 2 for an int, 3 for an int beyond 2**53 in magnitude;
    /// leaves for anything else.
    fn number_of(&mut self, val: Val, pc: usize) -> (Value, Value) {
        match val {
            Val::Float(f) => (f, self.b.ins().iconst(types::I8, 0)),
            Val::Int(raw) => {
                let class = self.int_class(raw);
                (self.b.ins().fcvt_from_sint(types::F64, raw), class)
            }
            other => {
                // A tagged int or a float box, known only at run time.
                let word = self.word(other);
                let as_int = self.b.ins().sshr_imm_s(word, 1);
                let from_int = self.b.ins().fcvt_from_sint(types::F64, as_int);
                let class = self.int_class(as_int);
                let tag = self.b.ins().band_imm_s(word, 1);
                let boxed = self.b.create_block();
                let join = self.b.create_block();
                let value = self.b.append_block_param(join, types::F64);
                let kind = self.b.append_block_param(join, types::I8);
                self.b.ins().brif(tag, join, &[from_int.into(), class.into()], boxed, &[]);
                self.b.switch_to_block(boxed);
                self.guard_kind(word, Kind::Float, pc);
                let loaded = self.b.ins().load(types::F64, flags(), word, self.layout.float_value);
                let not_int = self.b.ins().iconst(types::I8, 0);
                self.b.ins().jump(join, &[loaded.into(), not_int.into()]);
                self.b.switch_to_block(join);
                (value, kind)
            }
        }
    }

    /// For `number_of`: 3 for an int beyond 2**53 in magnitude, 2 for another.
    fn int_class(&mut self, raw: Value) -> Value {
        let above = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, raw, EXACT_INT_IN_F64);
        let below = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, raw, -EXACT_INT_IN_F64);
        let beyond = self.b.ins().bor(above, below);
        self.b.ins().bor_imm_s(beyond, 2)
    }

    /// Leaves unless the stack entry `depth` below the top is a small int, which it
    /// then holds unboxed.
    fn guard_int(&mut self, depth: usize, pc: usize) {
        let val = self.peek(depth);
        if val.is_int() {
            return;
        }
        let word = self.word(val);
        let tag = self.b.ins().band_imm_s(word, 1);
        let not_int = self.b.ins().icmp_imm_s(IntCC::Equal, tag, 0);
        self.exit_if(not_int, pc);
        let raw = self.b.ins().sshr_imm_s(word, 1);
        self.set_peek(depth, Val::Int(raw));
    }

    /// The two operands of a binary uop: (left, right).
    fn binary_operands(&mut self) -> (Val, Val) {
        (self.peek(1), self.peek(0))
    }

    /// Replaces a binary uop's two operands with its result.
    fn binary_result(&mut self, result: Val) {
        self.pop();
        self.pop();
        self.push(result);
    }

    /// Leaves unless `word` is a heap object of `kind`.
    fn guard_kind(&mut self, word: Value, kind: Kind, pc: usize) {
        let tag = self.b.ins().band_imm_s(word, 1);
        let is_null = self.b.ins().icmp_imm_s(IntCC::Equal, word, 0);
        let is_null = self.b.ins().uextend(types::I64, is_null);
        let not_heap = self.b.ins().bor(tag, is_null);
        self.exit_if(not_heap, pc);
        let kind_value = self.b.ins().uload8(types::I64, flags(), word, self.layout.header_kind);
        let wrong = self.b.ins().icmp_imm_s(IntCC::NotEqual, kind_value, kind_byte(kind));
        self.exit_if(wrong, pc);
    }

    /// Leaves unless `value` is within the small-int range.
    fn guard_small_int(&mut self, value: Value, pc: usize) {
        let shifted = self.b.ins().ishl_imm_s(value, 1);
        let back = self.b.ins().sshr_imm_s(shifted, 1);
        let out_of_range = self.b.ins().icmp(IntCC::NotEqual, back, value);
        self.exit_if(out_of_range, pc);
    }

    /// `items[index]` with Python's negative indexing; leaves when out of range.
    fn checked_element(&mut self, items: Value, len: Value, index: Value, pc: usize) -> Value {
        let address = self.checked_element_address(items, len, index, pc);
        self.b.ins().load(types::I64, flags(), address, 0)
    }

    /// The address of `items[index]` (negative indexes count from the end); leaves
    /// when out of range.
    pub(super) fn checked_element_address(&mut self, items: Value, len: Value, index: Value, pc: usize) -> Value {
        let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, index, 0);
        let wrapped = self.b.ins().iadd(index, len);
        let resolved = self.b.ins().select(negative, wrapped, index);
        let out_of_range = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, resolved, len);
        self.exit_if(out_of_range, pc);
        let offset = self.b.ins().ishl_imm_s(resolved, 3);
        self.b.ins().iadd(items, offset)
    }

    /// An i8 that is 1 when `cond` is True.
    fn truth(&mut self, cond: Val) -> Value {
        match cond {
            Val::Bool(flag) => flag,
            other => {
                let word = self.word(other);
                self.b.ins().icmp_imm_s(IntCC::Equal, word, self.layout.true_bits)
            }
        }
    }

    /// A conditional jump: leaves when it goes the way the trace did not.
    fn branch(&mut self, taken: Value, expect_jump: bool, pc: usize) {
        let off_trace = if expect_jump { self.b.ins().icmp_imm_s(IntCC::Equal, taken, 0) } else { taken };
        self.exit_if(off_trace, pc);
    }

    fn for_iter_range(&mut self, pc: usize) {
        let iter = self.peek(0);
        let it = self.word(iter);
        let l = *self.layout;
        let remaining = self.b.ins().load(types::I64, flags(), it, l.range_iter_remaining);
        let exhausted = self.b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, remaining, 0);
        self.exhausted_if(exhausted, pc);
        let value = self.b.ins().load(types::I64, flags(), it, l.range_iter_next);
        let step = self.b.ins().load(types::I64, flags(), it, l.range_iter_step);
        let remaining = self.b.ins().iadd_imm_s(remaining, -1);
        self.b.ins().store(flags(), remaining, it, l.range_iter_remaining);
        let next = self.b.ins().iadd(value, step);
        self.b.ins().store(flags(), next, it, l.range_iter_next);
        // A value beyond the small-int range becomes a big int (out of line).
        let too_small = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, value, SMALL_INT_MIN);
        let too_big = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, value, SMALL_INT_MAX);
        let big = self.b.ins().bor(too_small, too_big);
        let boxed_big = self.b.create_block();
        self.b.set_cold_block(boxed_big);
        let small = self.b.create_block();
        let join = self.b.create_block();
        let word = self.b.append_block_param(join, types::I64);
        self.b.ins().brif(big, boxed_big, &[], small, &[]);
        self.b.switch_to_block(boxed_big);
        let callee = self.iconst(helpers::box_int as *const () as usize as i64);
        let call = self.b.ins().call_indirect(self.sigs.box_int, callee, &[value]);
        let boxed = self.b.inst_results(call)[0];
        self.b.ins().jump(join, &[boxed.into()]);
        self.b.switch_to_block(small);
        let shifted = self.b.ins().ishl_imm_s(value, 1);
        let tagged = self.b.ins().bor_imm_s(shifted, 1);
        self.b.ins().jump(join, &[tagged.into()]);
        self.b.switch_to_block(join);
        self.set_peek(0, Val::Word(it));
        self.push(Val::Word(word));
    }

    fn for_iter_list(&mut self, pc: usize) {
        let iter = self.peek(0);
        let it = self.word(iter);
        let l = *self.layout;
        let list = self.b.ins().load(types::I64, flags(), it, l.list_iter_seq);
        let index = self.b.ins().load(types::I64, flags(), it, l.list_iter_index);
        let len = self.b.ins().load(types::I64, flags(), list, l.list_items_len);
        let exhausted = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, index, len);
        // Exhausted: the iterator stays exhausted, as the Rust body leaves it.
        let done = self.b.create_block();
        self.b.set_cold_block(done);
        let more = self.b.create_block();
        self.b.ins().brif(exhausted, done, &[], more, &[]);
        self.b.switch_to_block(done);
        let parked = self.iconst((usize::MAX / 2) as i64);
        self.b.ins().store(flags(), parked, it, l.list_iter_index);
        let saved = self.state.clone();
        self.pop();
        let exit = self.input.trace.uops[pc].exit;
        self.leave_by_exit(exit);
        self.state = saved;
        self.b.switch_to_block(more);
        let items = self.b.ins().load(types::I64, flags(), list, l.list_items_ptr);
        let offset = self.b.ins().ishl_imm_s(index, 3);
        let address = self.b.ins().iadd(items, offset);
        let value = self.b.ins().load(types::I64, flags(), address, 0);
        let next = self.b.ins().iadd_imm_s(index, 1);
        self.b.ins().store(flags(), next, it, l.list_iter_index);
        self.set_peek(0, Val::Word(it));
        self.push(Val::Word(value));
    }

    /// An exhausted iterator: pop it and leave by the uop's exit.
    fn exhausted_if(&mut self, exhausted: Value, pc: usize) {
        let saved = self.state.clone();
        self.pop();
        let exit = self.input.trace.uops[pc].exit;
        self.cold_if(exhausted, ColdAction::Exit(exit));
        self.state = saved;
    }
}
