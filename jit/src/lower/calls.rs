//! Inlined Python calls: the frame push of `CALL_PY_EXACT_ARGS` (`_INIT_CALL_PY_EXACT_ARGS`,
//! `_SAVE_RETURN_OFFSET`, `_PUSH_FRAME`) and the callee's `RESUME`.
//!
//! The callee's frame is a real VM frame, pushed by `helpers::push_frame` with its
//! locals unset; the arguments do not go through memory: they become the callee's
//! cached locals, dirty, in whatever form they had (an unboxed float argument stays
//! unboxed). They are written to the frame like any dirty local: at an exit, or (those
//! holding references) before an escaping call. The caller's stack and locals are
//! written back first, and its picture is kept for `_POP_FRAME`.

use cranelift_codegen::ir::{types, InstBuilder};
use sidewinder_vm::opcodes::Uop;

use super::state::{CachedLocal, FrameState, Val};
use super::{flags, ColdAction, Lowerer};
use crate::context::RETURN_ERROR;
use crate::helpers;

impl<'f, 'a> Lowerer<'f, 'a> {
    /// Lowers the push group starting at `pc` (`_INIT_CALL_PY_EXACT_ARGS`, then
    /// optionally `_SAVE_RETURN_OFFSET`, then `_PUSH_FRAME`); answers how many uops it
    /// covered, or None when the uops there are not that group.
    pub(super) fn lower_frame_push(&mut self, pc: usize) -> Option<usize> {
        let uops = &self.input.trace.uops;
        let init = uops[pc];
        let mut next = pc + 1;
        let save_return = match uops.get(next) {
            Some(u) if u.uop == Uop::_SAVE_RETURN_OFFSET => {
                next += 1;
                Some(u.operand)
            }
            _ => None,
        };
        let push = *uops.get(next).filter(|u| u.uop == Uop::_PUSH_FRAME)?;
        let argc = init.oparg as usize;
        // [callable, self_or_null, args...]: keep the picture before the call for the
        // error path (the recursion limit), then take them off the virtual stack.
        self.lift(argc + 2);
        let mut args: Vec<Val> = (0..argc).map(|_| self.pop()).collect();
        args.reverse();
        let self_or_null = self.pop();
        let callable = self.pop();
        // The caller goes to memory: its stack (without the call's values), its stack
        // pointer, its locals.
        self.spill_stack();
        self.store_sp();
        self.spill_ip();
        self.spill_locals();
        let callable_word = self.word(callable);
        let callee = self.iconst(helpers::push_frame as *const () as usize as i64);
        let init_address = self.iconst(&uops[pc] as *const _ as i64);
        let call = self.b.ins().call_indirect(self.sigs.push_frame, callee, &[self.ctx, callable_word, init_address]);
        let status = self.b.inst_results(call)[0];
        // On failure (the recursion limit) the caller's stack must show the call's
        // values again, as tier 1 left it.
        let mut failed = self.state.clone();
        failed.stack.push(callable);
        failed.stack.push(self_or_null);
        failed.stack.extend(args.iter().copied());
        let caller_state = std::mem::replace(&mut self.state, failed);
        self.cold_if(status, ColdAction::PushFailed);
        self.state = caller_state;
        // The caller (still `fp`): where it resumes.
        let fp = self.b.use_var(self.fp);
        if let Some(return_ip) = save_return {
            let value = self.iconst(return_ip as i64);
            self.b.ins().store(flags(), value, fp, self.layout.frame_return_ip);
        }
        let ip = self.iconst(push.target as i64);
        self.b.ins().store(flags(), ip, fp, self.layout.frame_ip);
        // The callee: its locals are the arguments (with self first when bound).
        let mut callee_state = FrameState::default();
        let mut values = Vec::with_capacity(argc + 1);
        match self_or_null {
            Val::Const(0) => {}
            Val::Word(_) => unreachable!("frame_push_is_inline checks that self_or_null is known"),
            known => values.push(known),
        }
        values.extend(args);
        for (index, val) in values.into_iter().enumerate() {
            callee_state.locals.insert(index as u32, CachedLocal { val, dirty: true });
        }
        let mut caller = std::mem::replace(&mut self.state, callee_state);
        // The callee's safepoints may collect before the caller goes on.
        caller.clear_boxes();
        self.saved_frames.push(caller);
        self.reload_frame(true);
        Some(next + 1 - pc)
    }

    /// Whether the push group at `pc` can be lowered inline: the uops after it must be
    /// the rest of the group, and `self_or_null` must be known (a constant NULL, or a
    /// value pushed in the trace).
    pub(super) fn frame_push_is_inline(&mut self, pc: usize) -> bool {
        let uops = &self.input.trace.uops;
        let group = match uops.get(pc + 1).map(|u| u.uop) {
            Some(Uop::_SAVE_RETURN_OFFSET) => uops.get(pc + 2).map(|u| u.uop) == Some(Uop::_PUSH_FRAME),
            Some(Uop::_PUSH_FRAME) => true,
            _ => false,
        };
        let argc = uops[pc].oparg as usize;
        group && !matches!(self.peek(argc), Val::Word(_))
    }

    /// `RESUME` of an inlined callee: the safepoint test inline, the safepoint out of
    /// line with everything written back.
    pub(super) fn lower_resume(&mut self, pc: usize) {
        let due = self.safepoint_due();
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let go_on = self.b.create_block();
        self.b.ins().brif(due, slow, &[], go_on, &[]);
        self.b.switch_to_block(slow);
        // Write back without touching the picture of the main line: the values stay
        // in registers too, and the objects they refer to stay alive (the frame refers
        // to them now).
        let saved = self.state.clone();
        let sp_before = self.b.use_var(self.sp);
        self.spill_all();
        self.spill_ip();
        let callee = self.iconst(helpers::safepoint as *const () as usize as i64);
        let inst_address = self.iconst(&self.input.trace.uops[pc] as *const _ as i64);
        let call = self.b.ins().call_indirect(self.sigs.safepoint, callee, &[self.ctx, inst_address]);
        let status = self.b.inst_results(call)[0];
        self.b.def_var(self.sp, sp_before);
        self.state = saved;
        let failed = self.b.create_block();
        self.b.set_cold_block(failed);
        self.b.ins().brif(status, failed, &[], go_on, &[]);
        self.b.switch_to_block(failed);
        let error = self.b.ins().iconst(types::I32, RETURN_ERROR as i64);
        self.b.ins().return_(&[error]);
        self.b.switch_to_block(go_on);
        // The safepoint may have collected.
        self.state.clear_boxes();
    }
}
