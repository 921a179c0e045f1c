//! The lowering: one optimized trace becomes one Cranelift function,
//! `fn(ctx: *mut JitContext) -> u32`, answering the exit it left by or `RETURN_ERROR`.
//!
//! The function walks the trace once, keeping a compile-time picture of the top frame
//! (`state::FrameState`): stack slots and locals live in Cranelift values, unboxed
//! where the lowering knows an int or a float. The hot uops are lowered inline
//! (`inline_ops`); every other uop is a call to its generic function (`uop_calls`).
//!
//! - **Spilling.** Before a generic call the virtual stack is written to the frame,
//!   with the frame's stack pointer and pending instruction pointer. Before an escaping
//!   one the dirty locals holding references are written too (unboxed ones stay in
//!   registers: nothing the call runs reads this frame's locals, and no collection
//!   needs them), and before one that reads locals or pushes or pops frames, all dirty
//!   locals. A collection inside the call therefore sees exact frames. Afterwards the
//!   stack pointer (and the frame pointer) are reloaded; cached locals stay cached,
//!   except after a uop that reads or writes locals itself.
//! - **Exits.** A guard branches to a cold block that boxes and writes back the state
//!   as it was before the uop and sets the frame's ip to the exit's target; the shared
//!   exit tail then jumps to the trace linked to the exit (a tail call) or returns the
//!   exit's index. Frames of inlined calls are real frames, so only the top frame has
//!   state to write back. A generic call that left the trace (an exit or an error) has
//!   written the stack itself; its cold block writes the dirty locals.
//! - **The loop** (`loop_carry`): the body is lowered twice; the second copy loops with
//!   the locals the first one holds carried in registers. Back edges test the
//!   safepoint flags inline.
//! - **Calls** (`calls`): an inlined callee's frame is pushed by one helper, with its
//!   arguments kept as its locals in registers.
//!
//! Cold blocks are emitted after the main line (`pending`), from a snapshot of the
//! state at their branch.

mod calls;
mod cells;
mod inline_ops;
mod loop_carry;
mod refcount;
pub mod state;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    types, AbiParam, Block, Function, InstBuilder, MemFlagsData, SigRef, Signature, StackSlot, StackSlotData,
    StackSlotKind, UserFuncName, Value,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use sidewinder_tier2::ir::{Trace, TraceUop, NO_EXIT};
use sidewinder_vm::opcodes::{uop_flags, Uop};

use crate::context::{JitContext, ENTRY_CODE_OFFSET, ENTRY_EXECUTOR_OFFSET, RETURN_ERROR, STATUS_EXIT};
use crate::helpers;
use crate::layout::Layout;
use crate::uop_calls::uop_call;
use state::{CachedLocal, FrameState, Val};

/// What the lowering needs besides the trace: addresses fixed for the executor's life.
pub struct TraceInput<'a> {
    pub trace: &'a Trace,
    /// The executor's validity flag (a `bool`), tested by `_CHECK_VALIDITY`.
    pub validity_flag: usize,
    /// The flags that make a safepoint due: collection requested (kept set under GC
    /// stress), Ctrl-C.
    pub safepoint_flags: [usize; 2],
    pub layout: &'a Layout,
    /// Lower the loop twice (see `loop_carry`).
    pub peel_loop: bool,
    /// The executor's exit links: one word per exit, the address of the linked
    /// trace's `EntryCell` or 0.
    pub exit_links: usize,
    /// A `u64` counting the jumps from trace to trace.
    pub chain_counter: usize,
}

/// Builds the function for `input.trace` into `func`.
pub fn lower_trace(
    func: &mut Function,
    builder_context: &mut FunctionBuilderContext,
    input: &TraceInput,
    call_conv: CallConv,
    frontend_config: TargetFrontendConfig,
) {
    // Traces call each other with tail calls: the `tail` convention.
    let mut signature = Signature::new(CallConv::Tail);
    signature.params.push(AbiParam::new(types::I64));
    signature.returns.push(AbiParam::new(types::I32));
    func.signature = signature;
    func.name = UserFuncName::user(0, 0);
    let builder = FunctionBuilder::new(func, builder_context);
    let mut lowerer = Lowerer::new(builder, input, call_conv);
    lowerer.lower_all();
    lowerer.finish(frontend_config);
}

/// The work a cold block does, emitted after the main line.
enum ColdAction {
    /// Leave by this exit, writing back the snapshot state.
    Exit(u16),
    /// The fast path of an inline uop failed where the uop cannot exit: write back the
    /// state before it and run its generic function, which raises (or exits).
    Fallback(usize),
    /// A generic call answered `status` (not CONTINUE): write back the dirty locals
    /// and leave by the uop's exit or with the error.
    CallLeft { status: Value, exit: u16 },
    /// Pushing an inlined callee's frame failed (the error is set): write back the
    /// caller, call values included, and leave with the error.
    PushFailed,
}

struct Cold {
    block: Block,
    state: FrameState,
    action: ColdAction,
}

/// What a generic call does to the frame, for the locals the lowering caches.
enum LocalsPolicy {
    /// Pushes a callee's frame: everything is written back first.
    PushesFrames,
    /// Works on the frames around the top one (`_PUSH_FRAME`, `_SAVE_RETURN_OFFSET`).
    Frames,
    /// Unlinks the top frame, a generator's that yields: everything written back first
    /// (the generator keeps its locals), the caller's picture back after.
    PopsFrame,
    /// Reads or writes locals itself: written back first, forgotten after.
    ReadsAndWrites,
    /// May run Python code and collect: locals holding references are written back.
    Escapes,
    /// Neither collects nor reads locals.
    Untouched,
}

/// Cranelift signatures of the functions compiled code calls.
struct Signatures {
    trace: SigRef,
    uop_call: SigRef,
    box_float: SigRef,
    box_int: SigRef,
    safepoint: SigRef,
    pop_frame: SigRef,
    release: SigRef,
    box_floats: SigRef,
    power_float: SigRef,
    push_frame: SigRef,
}

pub(crate) struct Lowerer<'f, 'a> {
    b: FunctionBuilder<'f>,
    input: &'a TraceInput<'a>,
    layout: &'a Layout,
    /// The `JitContext` pointer, the function's parameter.
    ctx: Value,
    /// The top frame (`*mut Frame`).
    fp: Variable,
    /// The frame's stack pointer as of the last write-back or reload.
    sp: Variable,
    /// The frame's `localsplus`.
    lp: Variable,
    /// Passes through the loop (`_JUMP_TO_TOP`) since this function was entered; added
    /// to the context's count when it leaves (see `JitContext::loop_passes`).
    passes: Variable,
    state: FrameState,
    /// The pictures of the frames below the top one, for the inlined calls in
    /// progress (all clean: written back when the callee was pushed).
    saved_frames: Vec<FrameState>,
    sigs: Signatures,
    loop_header: Block,
    pending: Vec<Cold>,
    /// The main line ended (`_JUMP_TO_TOP`, `_EXIT_TRACE`).
    ended: bool,
    /// The header of the loop's second copy, while it is being lowered.
    loop_copy: Option<loop_carry::LoopHeader>,
    /// The first copy ended: lower the trace again as the second.
    lower_again: bool,
    /// The shared exit tail, once an exit needs it.
    exit_tail: Option<Block>,
    /// Uops still to skip: lowered together with an earlier one.
    skip: usize,
    /// The table floats are boxed through, and the most entries used.
    box_table: Option<StackSlot>,
    box_table_entries: usize,
}

fn flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl<'f, 'a> Lowerer<'f, 'a> {
    fn new(mut b: FunctionBuilder<'f>, input: &'a TraceInput<'a>, call_conv: CallConv) -> Self {
        let sig = |params: &[types::Type], returns: &[types::Type]| {
            let mut s = Signature::new(call_conv);
            s.params.extend(params.iter().map(|t| AbiParam::new(*t)));
            s.returns.extend(returns.iter().map(|t| AbiParam::new(*t)));
            s
        };
        let (i64t, i32t, f64t) = (types::I64, types::I32, types::F64);
        let mut trace_signature = Signature::new(CallConv::Tail);
        trace_signature.params.push(AbiParam::new(i64t));
        trace_signature.returns.push(AbiParam::new(i32t));
        let sigs = Signatures {
            trace: b.import_signature(trace_signature),
            uop_call: b.import_signature(sig(&[i64t, i64t], &[i32t])),
            box_float: b.import_signature(sig(&[f64t], &[i64t])),
            box_int: b.import_signature(sig(&[i64t], &[i64t])),
            safepoint: b.import_signature(sig(&[i64t, i64t], &[i32t])),
            pop_frame: b.import_signature(sig(&[i64t], &[i64t])),
            release: b.import_signature(sig(&[i64t], &[])),
            box_floats: b.import_signature(sig(&[i64t, i64t], &[])),
            power_float: b.import_signature(sig(&[f64t, f64t, i64t], &[types::I8])),
            push_frame: b.import_signature(sig(&[i64t, i64t, i64t], &[i32t])),
        };
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let ctx = b.block_params(entry)[0];
        let fp = b.declare_var(i64t);
        let sp = b.declare_var(i64t);
        let lp = b.declare_var(i64t);
        let passes = b.declare_var(i64t);
        let zero = b.ins().iconst(i64t, 0);
        b.def_var(passes, zero);
        let loop_header = b.create_block();
        let mut lowerer = Lowerer {
            b,
            input,
            layout: input.layout,
            ctx,
            fp,
            sp,
            lp,
            passes,
            state: FrameState::default(),
            saved_frames: Vec::new(),
            sigs,
            loop_header,
            pending: Vec::new(),
            ended: false,
            loop_copy: None,
            lower_again: false,
            exit_tail: None,
            skip: 0,
            box_table: None,
            box_table_entries: 0,
        };
        lowerer.reload_frame(true);
        lowerer.b.ins().jump(loop_header, &[]);
        lowerer.b.switch_to_block(loop_header);
        lowerer
    }

    fn lower_all(&mut self) {
        let trace = self.input.trace;
        loop {
            for pc in 0..trace.uops.len() {
                if self.skip > 0 {
                    // Lowered with the uop before it.
                    self.skip -= 1;
                    continue;
                }
                if !self.lower_inline(pc) {
                    self.call_generic(pc);
                }
                if self.ended {
                    break;
                }
            }
            if self.ended && self.lower_again {
                // `_JUMP_TO_TOP` of the first copy: now the second.
                self.ended = false;
                self.lower_again = false;
                continue;
            }
            if self.ended {
                // The trace ended (`_JUMP_TO_TOP`, `_EXIT_TRACE`).
                return;
            }
            break;
        }
        // A trace always ends in one of those; be safe if it did not.
        let last = trace.uops.len().saturating_sub(1);
        let exit = trace.uops.get(last).map(|u| u.exit).unwrap_or(NO_EXIT);
        if exit != NO_EXIT {
            self.leave_by_exit(exit);
        } else {
            let error = self.b.ins().iconst(types::I32, RETURN_ERROR as i64);
            self.b.ins().return_(&[error]);
        }
    }

    fn finish(mut self, frontend_config: TargetFrontendConfig) {
        let pending = std::mem::take(&mut self.pending);
        for cold in pending {
            self.b.switch_to_block(cold.block);
            self.state = cold.state;
            match cold.action {
                ColdAction::Exit(exit) => self.leave_by_exit(exit),
                ColdAction::Fallback(pc) => {
                    let status = self.emit_generic_call(pc, true);
                    self.return_status(status, self.input.trace.uops[pc].exit);
                }
                ColdAction::PushFailed => {
                    self.spill_all();
                    let error = self.b.ins().iconst(types::I32, RETURN_ERROR as i64);
                    self.b.ins().return_(&[error]);
                }
                ColdAction::CallLeft { status, exit } => {
                    self.spill_locals();
                    self.return_status(status, exit);
                }
            }
        }
        if let Some(tail) = self.exit_tail {
            self.emit_exit_tail(tail);
        }
        if let Some(slot) = self.box_table {
            self.b.func.sized_stack_slots[slot].size = (self.box_table_entries * 16) as u32;
        }
        self.b.seal_all_blocks();
        self.b.finalize(frontend_config);
    }

    // --- Frame registers -------------------------------------------------------

    /// Loads the top frame from the context, and its stack pointer (and locals).
    fn reload_frame(&mut self, with_locals: bool) {
        let fp = self.b.ins().load(types::I64, flags(), self.ctx, JitContext::FRAME_OFFSET);
        self.b.def_var(self.fp, fp);
        let sp = self.b.ins().load(types::I64, flags(), fp, self.layout.frame_sp);
        self.b.def_var(self.sp, sp);
        if with_locals {
            let lp = self.b.ins().load(types::I64, flags(), fp, self.layout.frame_localsplus);
            self.b.def_var(self.lp, lp);
        }
    }

    fn iconst(&mut self, value: i64) -> Value {
        self.b.ins().iconst(types::I64, value)
    }

    // --- The virtual stack ------------------------------------------------------

    fn push(&mut self, val: Val) {
        self.state.stack.push(val);
    }

    /// Makes the top `n` stack entries virtual, loading those still in memory.
    fn lift(&mut self, n: usize) {
        while self.state.stack.len() < n {
            self.state.mem_depth -= 1;
            let sp = self.b.use_var(self.sp);
            let word = self.b.ins().load(types::I64, flags(), sp, self.state.mem_depth * 8);
            self.state.stack.insert(0, Val::Word(word));
        }
    }

    fn pop(&mut self) -> Val {
        self.lift(1);
        self.state.stack.pop().expect("lifted")
    }

    /// The entry `depth` below the top (0 is the top), made virtual.
    fn peek(&mut self, depth: usize) -> Val {
        self.lift(depth + 1);
        self.state.stack[self.state.stack.len() - 1 - depth]
    }

    fn set_peek(&mut self, depth: usize, val: Val) {
        self.lift(depth + 1);
        let len = self.state.stack.len();
        self.state.stack[len - 1 - depth] = val;
    }

    // --- Boxing -------------------------------------------------------------------

    /// The value as a `StackRef` word, boxing it if needed.
    fn word(&mut self, val: Val) -> Value {
        match val {
            Val::Word(w) => w,
            Val::Int(raw) => {
                let shifted = self.b.ins().ishl_imm_s(raw, 1);
                self.b.ins().bor_imm_s(shifted, 1)
            }
            Val::Float(f) => {
                if let Some(word) = self.state.boxes.get(&f) {
                    return *word;
                }
                let callee = self.iconst(helpers::box_float as *const () as usize as i64);
                let call = self.b.ins().call_indirect(self.sigs.box_float, callee, &[f]);
                let word = self.b.inst_results(call)[0];
                self.state.boxes.insert(f, word);
                word
            }
            Val::Bool(flag) => {
                let t = self.iconst(self.layout.true_bits);
                let f = self.iconst(self.layout.false_bits);
                self.b.ins().select(flag, t, f)
            }
            Val::Const(bits) => self.iconst(bits),
        }
    }

    /// The raw i64 of a value known to be a small int.
    fn int_of(&mut self, val: Val) -> Value {
        match val {
            Val::Int(raw) => raw,
            Val::Const(bits) => self.iconst(bits >> 1),
            other => {
                let w = self.word(other);
                self.b.ins().sshr_imm_s(w, 1)
            }
        }
    }

    /// The f64 of a value known to be a float.
    fn float_of(&mut self, val: Val) -> Value {
        match val {
            Val::Float(f) => f,
            other => {
                let w = self.word(other);
                self.b.ins().load(types::F64, flags(), w, self.layout.float_value)
            }
        }
    }

    // --- Spilling -------------------------------------------------------------------

    /// Writes the virtual stack to the frame's memory and moves the stack pointer
    /// variable to the true top (not yet stored in the frame).
    fn spill_stack(&mut self) {
        let stack = std::mem::take(&mut self.state.stack);
        let base = self.state.mem_depth;
        let mut floats = Vec::new();
        for (i, val) in stack.iter().enumerate() {
            let sp = self.b.use_var(self.sp);
            let offset = (base + i as i32) * 8;
            if let Val::Float(f) = val {
                let address = self.b.ins().iadd_imm_s(sp, offset as i64);
                floats.push((address, *f));
                continue;
            }
            let word = self.word(*val);
            self.b.ins().store(flags(), word, sp, offset);
        }
        self.box_floats_into(&floats);
        let moved = base + stack.len() as i32;
        if moved != 0 {
            let sp = self.b.use_var(self.sp);
            let new_sp = self.b.ins().iadd_imm_s(sp, moved as i64 * 8);
            self.b.def_var(self.sp, new_sp);
        }
        self.state.mem_depth = 0;
    }

    /// Stores the stack pointer variable into the frame.
    fn store_sp(&mut self) {
        let sp = self.b.use_var(self.sp);
        let fp = self.b.use_var(self.fp);
        self.b.ins().store(flags(), sp, fp, self.layout.frame_sp);
    }

    fn store_ip(&mut self, ip: u64) {
        let value = self.iconst(ip as i64);
        let fp = self.b.use_var(self.fp);
        self.b.ins().store(flags(), value, fp, self.layout.frame_ip);
    }

    fn spill_ip(&mut self) {
        if let Some(ip) = self.state.pending_ip.take() {
            self.store_ip(ip);
        }
    }

    /// Writes the dirty locals to the frame (they stay cached, now clean).
    fn spill_locals(&mut self) {
        let dirty: Vec<(u32, Val)> =
            self.state.locals.iter().filter(|(_, l)| l.dirty).map(|(i, l)| (*i, l.val)).collect();
        let mut floats = Vec::new();
        for (index, val) in dirty {
            let lp = self.b.use_var(self.lp);
            if let Val::Float(f) = val {
                let address = self.b.ins().iadd_imm_s(lp, index as i64 * 8);
                floats.push((address, f));
            } else {
                let word = self.word(val);
                self.b.ins().store(flags(), word, lp, index as i32 * 8);
            }
            self.state.locals.insert(index, CachedLocal { val, dirty: false });
        }
        self.box_floats_into(&floats);
    }

    /// Boxes the floats and stores each at its address: one box per float (reusing a
    /// box it already has), and one call for all the new boxes when there are several
    /// (through a table in the function's stack frame), as every call makes the
    /// register allocator save what is live around it.
    fn box_floats_into(&mut self, floats: &[(Value, Value)]) {
        // Each float needing a box gets one (a float written to several places is one
        // object); those with a box already reuse it.
        let mut fresh: Vec<(Value, Value)> = Vec::new();
        for (address, value) in floats {
            if !self.state.boxes.contains_key(value) && !fresh.iter().any(|(_, f)| f == value) {
                fresh.push((*address, *value));
            }
        }
        if fresh.len() > 1 {
            let table = self.box_table();
            for (i, (address, value)) in fresh.iter().enumerate() {
                let bits = self.b.ins().bitcast(types::I64, MemFlagsData::new(), *value);
                self.b.ins().stack_store(types::I64, *address, table, (i * 16) as i32);
                self.b.ins().stack_store(types::I64, bits, table, (i * 16 + 8) as i32);
            }
            self.box_table_entries = self.box_table_entries.max(fresh.len());
            let table_address = self.b.ins().stack_addr(types::I64, table, 0);
            let count = self.iconst(fresh.len() as i64);
            let callee = self.iconst(helpers::box_floats as *const () as usize as i64);
            self.b.ins().call_indirect(self.sigs.box_floats, callee, &[table_address, count]);
            for (address, value) in &fresh {
                let word = self.b.ins().load(types::I64, flags(), *address, 0);
                self.state.boxes.insert(*value, word);
            }
        }
        // One box alone comes from `word`; the rest are stores of known boxes.
        for (address, value) in floats {
            if fresh.len() > 1 && fresh.iter().any(|(a, _)| a == address) {
                continue;
            }
            let word = self.word(Val::Float(*value));
            self.b.ins().store(flags(), word, *address, 0);
        }
    }

    /// The stack slot `box_floats_into` fills (sized at the end, for the most used).
    fn box_table(&mut self) -> StackSlot {
        if let Some(slot) = self.box_table {
            return slot;
        }
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 16, 3));
        self.box_table = Some(slot);
        slot
    }

    /// Writes the dirty locals that hold references (words) to the frame.
    fn spill_reference_locals(&mut self) {
        let dirty: Vec<(u32, Value)> = self
            .state
            .locals
            .iter()
            .filter_map(|(i, l)| match l.val {
                Val::Word(w) if l.dirty => Some((*i, w)),
                _ => None,
            })
            .collect();
        for (index, word) in dirty {
            let lp = self.b.use_var(self.lp);
            self.b.ins().store(flags(), word, lp, index as i32 * 8);
            self.state.locals.insert(index, CachedLocal { val: Val::Word(word), dirty: false });
        }
    }

    /// Writes everything back: stack, stack pointer, locals.
    fn spill_all(&mut self) {
        self.spill_stack();
        self.store_sp();
        self.spill_locals();
    }

    // --- Leaving ----------------------------------------------------------------------

    /// Emits, in the current block, the write-back and return of an exit.
    fn leave_by_exit(&mut self, exit: u16) {
        self.spill_all();
        let target = self.input.trace.exits[exit as usize].target;
        self.store_ip(target as u64);
        self.chain_or_return(exit);
    }

    /// With the frame written back for exit `exit`: jumps to the trace linked to the
    /// exit (a tail call, so chains of traces do not grow the native stack), unless
    /// none is linked, it was invalidated, or a safepoint is due; else returns the
    /// exit's index to the dispatcher.
    fn chain_or_return(&mut self, exit: u16) {
        let tail = self.exit_tail();
        let index = self.b.ins().iconst(types::I32, exit as i64);
        self.b.ins().jump(tail, &[index.into()]);
    }

    /// The block every exit ends in, shared: its parameter is the exit's index.
    fn exit_tail(&mut self) -> Block {
        if let Some(block) = self.exit_tail {
            return block;
        }
        let block = self.b.create_block();
        self.b.set_cold_block(block);
        self.b.append_block_param(block, types::I32);
        self.exit_tail = Some(block);
        block
    }

    /// Emits the shared exit tail (after everything else).
    fn emit_exit_tail(&mut self, block: Block) {
        self.b.switch_to_block(block);
        let exit = self.b.block_params(block)[0];
        let passes = self.b.use_var(self.passes);
        let so_far = self.b.ins().load(types::I64, flags(), self.ctx, JitContext::LOOP_PASSES_OFFSET);
        let total = self.b.ins().iadd(so_far, passes);
        self.b.ins().store(flags(), total, self.ctx, JitContext::LOOP_PASSES_OFFSET);
        let give_back = self.b.create_block();
        self.b.set_cold_block(give_back);
        let exit_wide = self.b.ins().uextend(types::I64, exit);
        let offset = self.b.ins().ishl_imm_s(exit_wide, 3);
        let links = self.iconst(self.input.exit_links as i64);
        let slot = self.b.ins().iadd(links, offset);
        let entry = self.b.ins().load(types::I64, flags(), slot, 0);
        let linked = self.b.create_block();
        self.b.set_cold_block(linked);
        self.b.ins().brif(entry, linked, &[], give_back, &[]);
        self.b.switch_to_block(linked);
        let code = self.b.ins().load(types::I64, flags(), entry, ENTRY_CODE_OFFSET);
        let live = self.b.create_block();
        self.b.set_cold_block(live);
        self.b.ins().brif(code, live, &[], give_back, &[]);
        self.b.switch_to_block(live);
        let due = self.safepoint_due();
        let jump = self.b.create_block();
        self.b.set_cold_block(jump);
        self.b.ins().brif(due, give_back, &[], jump, &[]);
        self.b.switch_to_block(jump);
        let executor = self.b.ins().load(types::I64, flags(), entry, ENTRY_EXECUTOR_OFFSET);
        self.b.ins().store(flags(), executor, self.ctx, JitContext::EXECUTOR_OFFSET);
        let counter = self.iconst(self.input.chain_counter as i64);
        let count = self.b.ins().load(types::I64, flags(), counter, 0);
        let count = self.b.ins().iadd_imm_s(count, 1);
        self.b.ins().store(flags(), count, counter, 0);
        self.b.ins().return_call_indirect(self.sigs.trace, code, &[self.ctx]);
        self.b.switch_to_block(give_back);
        self.b.ins().return_(&[exit]);
    }

    /// Whether a safepoint is due (an i8, non-zero when it is): the two flags.
    pub(super) fn safepoint_due(&mut self) -> Value {
        let mut due = None;
        for address in self.input.safepoint_flags {
            let address = self.iconst(address as i64);
            let flag = self.b.ins().load(types::I8, flags(), address, 0);
            due = Some(match due {
                None => flag,
                Some(d) => self.b.ins().bor(d, flag),
            });
        }
        due.expect("two flags")
    }

    /// Leaves by `exit` for `STATUS_EXIT` (chaining as an exit does), else returns
    /// `RETURN_ERROR`.
    fn return_status(&mut self, status: Value, exit: u16) {
        let is_exit = self.b.ins().icmp_imm_s(IntCC::Equal, status, STATUS_EXIT as i64);
        let exit_block = self.b.create_block();
        let error_block = self.b.create_block();
        self.b.ins().brif(is_exit, exit_block, &[], error_block, &[]);
        self.b.switch_to_block(exit_block);
        if exit == NO_EXIT {
            let error = self.b.ins().iconst(types::I32, RETURN_ERROR as i64);
            self.b.ins().return_(&[error]);
        } else {
            self.chain_or_return(exit);
        }
        self.b.switch_to_block(error_block);
        let error = self.b.ins().iconst(types::I32, RETURN_ERROR as i64);
        self.b.ins().return_(&[error]);
    }

    /// Branches to a cold block doing `action` (from the current state) when `fails`
    /// is non-zero; the main line goes on in a new block.
    fn cold_if(&mut self, fails: Value, action: ColdAction) {
        let cold = self.b.create_block();
        self.b.set_cold_block(cold);
        let next = self.b.create_block();
        self.b.ins().brif(fails, cold, &[], next, &[]);
        self.pending.push(Cold { block: cold, state: self.state.clone(), action });
        self.b.switch_to_block(next);
    }

    /// Leaves by the uop's exit when `fails`, with the state as it is now.
    fn exit_if(&mut self, fails: Value, pc: usize) {
        let exit = self.input.trace.uops[pc].exit;
        if exit == NO_EXIT {
            self.cold_if(fails, ColdAction::Fallback(pc));
        } else {
            self.cold_if(fails, ColdAction::Exit(exit));
        }
    }

    // --- The generic path --------------------------------------------------------------

    /// How a generic call deals with the locals the lowering caches.
    fn locals_policy(inst: &TraceUop) -> LocalsPolicy {
        match inst.uop {
            Uop::_INIT_CALL_PY_EXACT_ARGS
            | Uop::_INIT_CALL_PY_WITH_DEFAULTS
            | Uop::_INIT_CALL_PY_KW
            | Uop::_CREATE_INIT_FRAME
            | Uop::_PUSH_GEN_FRAME
            | Uop::_PUSH_NEXT_GEN_FRAME => LocalsPolicy::PushesFrames,
            Uop::YIELD_VALUE => LocalsPolicy::PopsFrame,
            Uop::_PUSH_FRAME | Uop::_POP_FRAME | Uop::_SAVE_RETURN_OFFSET => LocalsPolicy::Frames,
            _ if inst.has(uop_flags::LOCAL) => LocalsPolicy::ReadsAndWrites,
            _ if inst.has(uop_flags::ESCAPES) || inst.uop == Uop::RESUME => LocalsPolicy::Escapes,
            _ => LocalsPolicy::Untouched,
        }
    }

    /// Spills and calls the generic function of uop `pc`; answers its status.
    ///
    /// Before the call the stack is written back; the locals as `locals_policy` says.
    /// An escaping call may collect, so the dirty locals that hold references go to the
    /// frame; unboxed ones stay in registers (no collection needs them, and no code run
    /// by the call can read this frame's locals), and are written only if the trace is
    /// left.
    fn emit_generic_call(&mut self, pc: usize, spill_locals_anyway: bool) -> Value {
        let inst = &self.input.trace.uops[pc];
        self.spill_stack();
        self.store_sp();
        self.spill_ip();
        match Self::locals_policy(inst) {
            _ if spill_locals_anyway => self.spill_locals(),
            LocalsPolicy::PushesFrames
            | LocalsPolicy::Frames
            | LocalsPolicy::PopsFrame
            | LocalsPolicy::ReadsAndWrites => self.spill_locals(),
            LocalsPolicy::Escapes => self.spill_reference_locals(),
            LocalsPolicy::Untouched => {}
        }
        let callee = self.iconst(uop_call(inst.uop) as usize as i64);
        let inst_address = self.iconst(inst as *const TraceUop as i64);
        let call = self.b.ins().call_indirect(self.sigs.uop_call, callee, &[self.ctx, inst_address]);
        self.b.inst_results(call)[0]
    }

    fn call_generic(&mut self, pc: usize) {
        let inst = &self.input.trace.uops[pc];
        let policy = Self::locals_policy(inst);
        let status = self.emit_generic_call(pc, false);
        // The cold block sees the state before the reload: the dirty locals a call
        // left in registers are written there.
        self.cold_if(status, ColdAction::CallLeft { status, exit: inst.exit });
        if !matches!(policy, LocalsPolicy::Untouched) {
            // The call may have collected: boxes not referenced from a frame may be gone.
            self.state.clear_boxes();
        }
        match policy {
            LocalsPolicy::PushesFrames => {
                // The callee's frame (two frames for __init__: the shim and __init__)
                // is on top now; the caller's picture, all clean, is kept for
                // `_POP_FRAME`.
                let caller = std::mem::take(&mut self.state);
                self.saved_frames.push(caller);
                if inst.uop == Uop::_CREATE_INIT_FRAME {
                    self.saved_frames.push(FrameState::default());
                }
                self.reload_frame(true);
            }
            LocalsPolicy::Frames => self.reload_frame(true),
            LocalsPolicy::PopsFrame => {
                // The caller's picture, clean when its generator was entered (a side
                // trace that started in the generator knows nothing of the caller).
                self.state = self.saved_frames.pop().unwrap_or_default();
                self.reload_frame(true);
            }
            LocalsPolicy::ReadsAndWrites => {
                self.state.locals.clear();
                self.reload_frame(false);
            }
            LocalsPolicy::Escapes | LocalsPolicy::Untouched => self.reload_frame(false),
        }
    }

    // --- Loads of locals -------------------------------------------------------------

    /// The value of local `index`, cached or loaded (NULL not checked).
    fn load_local(&mut self, index: u32) -> (Val, bool) {
        if let Some(cached) = self.state.locals.get(&index) {
            return (cached.val, true);
        }
        let lp = self.b.use_var(self.lp);
        let word = self.b.ins().load(types::I64, flags(), lp, index as i32 * 8);
        (Val::Word(word), false)
    }

    fn cache_local(&mut self, index: u32, val: Val, dirty: bool) {
        self.state.locals.insert(index, CachedLocal { val, dirty });
    }
}
