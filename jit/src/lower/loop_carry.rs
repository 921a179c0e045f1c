//! The loop: the trace body is lowered twice. The first copy (the peeled iteration)
//! starts from the frame in memory; at its end, the locals it holds in registers become
//! the parameters of the second copy's header, in the form they have there (an
//! unboxed int or float stays unboxed). The second copy loops on itself, so loop
//! invariants loaded by the first copy stay in registers and floats written every
//! iteration are not boxed on the way round. They are written back (boxed) only at
//! exits, before the safepoint call, and where a collection needs them.
//!
//! When the second copy ends with a local in a form the header cannot take (a word
//! where an unboxed float is expected, say), it writes everything back and jumps to
//! the first copy's header instead, which makes no assumptions.

use cranelift_codegen::ir::{types, Block, BlockArg, InstBuilder, Value};

use super::state::{CachedLocal, FrameState, Val};
use super::Lowerer;
use crate::context::RETURN_ERROR;
use crate::helpers;

/// The form of a loop-carried local at the loop header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CarriedForm {
    Word,
    Int,
    Float,
    Bool,
}

/// The second copy's header: its block and the locals it carries.
pub struct LoopHeader {
    pub block: Block,
    pub carried: Vec<(u32, CarriedForm)>,
}

impl<'f, 'a> Lowerer<'f, 'a> {
    /// The value `val` in `form`, if it can be had without a check.
    fn in_form(&mut self, val: Val, form: CarriedForm) -> Option<Value> {
        match (form, val) {
            (CarriedForm::Word, v) => Some(self.word(v)),
            (CarriedForm::Int, Val::Int(raw)) => Some(raw),
            (CarriedForm::Int, Val::Const(bits)) if bits & 1 == 1 => Some(self.iconst(bits >> 1)),
            (CarriedForm::Float, Val::Float(f)) => Some(f),
            (CarriedForm::Bool, Val::Bool(flag)) => Some(flag),
            _ => None,
        }
    }

    /// `_JUMP_TO_TOP`. At the end of the first copy: make the second copy's header
    /// and go there; at the end of the second: go round it (or back to the first).
    pub(super) fn jump_to_top(&mut self, pc: usize) {
        let passes = self.b.use_var(self.passes);
        let passes = self.b.ins().iadd_imm_s(passes, 1);
        self.b.def_var(self.passes, passes);
        // The stack pointer and ip go to the frame only on the safepoint's cold path
        // (`back_edge`): every exit and escaping call in the loop writes its own.
        self.spill_stack();
        let peel = self.input.peel_loop && self.saved_frames.is_empty();
        match self.loop_copy.take() {
            _ if !peel => {
                self.spill_locals();
                self.back_edge(pc, self.loop_header, &[]);
            }
            None => {
                let carried: Vec<(u32, CarriedForm)> = self
                    .state
                    .locals
                    .iter()
                    .map(|(i, l)| {
                        let form = match l.val {
                            Val::Int(_) => CarriedForm::Int,
                            Val::Float(_) => CarriedForm::Float,
                            Val::Bool(_) => CarriedForm::Bool,
                            Val::Word(_) | Val::Const(_) => CarriedForm::Word,
                        };
                        (*i, form)
                    })
                    .collect();
                let block = self.b.create_block();
                let mut args = Vec::new();
                for (index, form) in &carried {
                    let ty = match form {
                        CarriedForm::Float => types::F64,
                        CarriedForm::Bool => types::I8,
                        _ => types::I64,
                    };
                    self.b.append_block_param(block, ty);
                    let val = self.state.locals[index].val;
                    args.push(self.in_form(val, *form).expect("the form was taken from the value"));
                }
                self.back_edge(pc, block, &args);
                // The second copy starts with the carried locals in registers; the
                // frame may not have them.
                self.b.switch_to_block(block);
                let params = self.b.block_params(block).to_vec();
                let mut state = FrameState::default();
                for ((index, form), param) in carried.iter().zip(params) {
                    let val = match form {
                        CarriedForm::Word => Val::Word(param),
                        CarriedForm::Int => Val::Int(param),
                        CarriedForm::Float => Val::Float(param),
                        CarriedForm::Bool => Val::Bool(param),
                    };
                    state.locals.insert(*index, CachedLocal { val, dirty: true });
                }
                self.state = state;
                self.loop_copy = Some(LoopHeader { block, carried });
                self.lower_again = true;
            }
            Some(header) => {
                let mut args = Vec::new();
                for (index, form) in &header.carried {
                    let value = match self.state.locals.get(index) {
                        Some(local) => self.in_form(local.val, *form),
                        None => None,
                    };
                    match value {
                        Some(v) => args.push(v),
                        None => {
                            // Not in a form the header takes: start over from memory.
                            self.spill_locals();
                            self.back_edge(pc, self.loop_header, &[]);
                            return;
                        }
                    }
                }
                // Locals the header does not carry go to the frame.
                let uncarried: Vec<u32> =
                    self.state.locals.keys().copied().filter(|i| !header.carried.iter().any(|(c, _)| c == i)).collect();
                let mut kept = FrameState::default();
                for (index, local) in std::mem::take(&mut self.state.locals) {
                    if uncarried.contains(&index) {
                        kept.locals.insert(index, local);
                    } else {
                        // Carried: the exit paths of the safepoint write it back.
                        self.state.locals.insert(index, local);
                    }
                }
                let carried_state = std::mem::replace(&mut self.state, kept);
                self.spill_locals();
                self.state = carried_state;
                self.back_edge(pc, header.block, &args);
            }
        }
    }

    /// Tests the safepoint flags and jumps to `target` with `args`; when a safepoint
    /// is due, the locals are written back and it is taken first.
    fn back_edge(&mut self, pc: usize, target: Block, args: &[Value]) {
        let due = self.safepoint_due();
        let block_args: Vec<BlockArg> = args.iter().map(|v| BlockArg::Value(*v)).collect();
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(due, slow, &[], target, &block_args);
        self.b.switch_to_block(slow);
        // A collection must see every reference, and a KeyboardInterrupt the ip: write
        // the stack pointer, ip and locals back (the locals stay in registers too, as
        // the header wants them).
        let saved = self.state.clone();
        self.store_sp();
        self.spill_ip();
        self.spill_locals();
        self.state = saved;
        let callee = self.iconst(helpers::safepoint as *const () as usize as i64);
        let inst = &self.input.trace.uops[pc];
        let inst_address = self.iconst(inst as *const _ as i64);
        let call = self.b.ins().call_indirect(self.sigs.safepoint, callee, &[self.ctx, inst_address]);
        let status = self.b.inst_results(call)[0];
        let failed = self.b.create_block();
        self.b.set_cold_block(failed);
        self.b.ins().brif(status, failed, &[], target, &block_args);
        self.b.switch_to_block(failed);
        let error = self.b.ins().iconst(types::I32, RETURN_ERROR as i64);
        self.b.ins().return_(&[error]);
    }
}
