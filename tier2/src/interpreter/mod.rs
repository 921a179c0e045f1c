//! The uop interpreter (PYTHON_JIT=interp): runs an executor's trace uop by uop with
//! exactly tier 1's semantics, the reference the JIT must match.
//!
//! The dispatch `match` is generated from uops.toml (tier2/build.rs) and calls the same
//! uop bodies as tier 1. The trace works on the VM's real frames: `_PUSH_FRAME` pushes
//! the callee's frame and `_POP_FRAME` pops it, so when the trace is left (an exit or
//! an error) the frames of inlined calls are already in place. Leaving writes the top
//! frame's `ip` and `sp` back, and tier 1 resumes at that exact instruction. The stack
//! pointer is written to the frame before every escaping uop, so a collection inside a
//! trace sees exact stacks.
//!
//! A hot exit grows a side trace, which later runs directly from that exit.

#[macro_use]
mod shared_macros;

use std::rc::Rc;

use sidewinder_vm::opcodes::{op, Uop};
use sidewinder_vm::runtime::Vm;
use sidewinder_vm::tier1::hooks::{Executor, ExecutorExit};
use sidewinder_vm::uops::Keys;
use sidewinder_vm::value::StackPtr;
use sidewinder_vm::PyResult;

use crate::executor::{self, TraceExecutor};
use crate::ir::ExitKind;
use crate::native::{self, Outcome};
use crate::projector::Start;
use crate::state::with_stats;

/// Counters of one `run`, added to the statistics once it returns.
#[derive(Default)]
struct RunCounts {
    entered: u64,
    exits: u64,
    exits_by_kind: [u64; ExitKind::COUNT],
    uops: u64,
}

impl RunCounts {
    fn flush(&self) {
        with_stats(|s| {
            s.executors_entered += self.entered;
            s.exits_taken += self.exits;
            s.uops_executed += self.uops;
            for (total, n) in s.exits_by_kind.iter_mut().zip(self.exits_by_kind) {
                *total += n;
            }
        });
    }
}

/// Runs `root` and the traces its exits lead to, until a trace leaves for tier 1.
///
/// An exit leads on to another trace when it has one linked: a side trace grown from
/// it, or the root executor installed where it resumes (an exit that lands on an
/// ENTER_EXECUTOR, as a trace ending at an inner or outer loop's back edge does). Such
/// a link is made the first time the exit is taken; entering a root executor is a
/// safepoint, as ENTER_EXECUTOR is in tier 1.
pub fn run(vm: &mut Vm, root: &TraceExecutor) -> PyResult<ExecutorExit> {
    let mut counts = RunCounts { entered: 1, ..RunCounts::default() };
    let result = run_linked(vm, root, &mut counts);
    counts.flush();
    root.note_entry();
    result
}

fn run_linked(vm: &mut Vm, root: &TraceExecutor, counts: &mut RunCounts) -> PyResult<ExecutorExit> {
    let _running = native::RunGuard::enter();
    let mut linked: Option<Rc<TraceExecutor>> = None;
    loop {
        native::drop_deferred_between_traces();
        let started: &TraceExecutor = linked.as_deref().unwrap_or(root);
        // Native code when the executor was compiled. It may chain on to other traces
        // and end in one of them.
        let native = started.native.borrow().clone();
        let (outcome, ended_in) = match &native {
            Some(code) => code.run(vm, started),
            None => (run_trace(vm, started, &mut counts.uops), None),
        };
        if let Some(ended_in) = ended_in {
            if let Some(previous) = linked.replace(ended_in) {
                native::release_executor(previous);
            }
        }
        let current: &TraceExecutor = linked.as_deref().unwrap_or(root);
        let exit_index = match outcome {
            Outcome::Exit(index) => index,
            Outcome::Error(e) => return Err(e),
            Outcome::Recompile => {
                // Compiled now; the same trace goes on natively from its start.
                current.compile_tree();
                continue;
            }
        };
        let exit = &current.exits[exit_index as usize];
        counts.exits += 1;
        counts.exits_by_kind[exit.spec.kind as usize] += 1;
        exit.taken.set(exit.taken.get().saturating_add(1));
        let existing = exit.side.borrow().clone();
        let next = match existing {
            Some(next) if next.is_valid() => Some(next),
            Some(_) => {
                // Its dependency changed: drop it and start counting again.
                if let Some(side) = exit.side.borrow_mut().take() {
                    native::defer_drop(side);
                }
                if let Some(code) = current.native.borrow().as_ref() {
                    code.link_exit(exit_index, None);
                }
                exit.taken.set(0);
                None
            }
            None => match installed_executor_at_resume_point(vm) {
                Some(installed) => {
                    *exit.side.borrow_mut() = Some(installed.clone());
                    Some(installed)
                }
                None if current.wants_side_trace(exit) => grow_side_trace(vm, current, exit),
                None => None,
            },
        };
        // Compiled code takes this exit straight to the next trace from now on (an
        // exit that returned here with no next trace has no link to clear: links are
        // cleared when their target is dropped below).
        if let (Some(code), Some(next)) = (current.native.borrow().as_ref(), next.as_ref()) {
            code.link_exit(exit_index, next.native.borrow().as_ref());
        }
        let Some(next) = next else {
            return Ok(ExecutorExit::Resume);
        };
        if next.installed.is_some() {
            // Entering a loop's executor stands for its ENTER_EXECUTOR: a safepoint.
            if vm.safepoint_due() {
                vm.safepoint_in_trace()?;
            }
            counts.entered += 1;
        }
        if let Some(previous) = linked.replace(next) {
            native::release_executor(previous);
        }
    }
}

/// The valid root executor installed at the instruction where the top frame resumes
/// (looking past EXTENDED_ARG prefixes), if that instruction is an ENTER_EXECUTOR.
fn installed_executor_at_resume_point(vm: &Vm) -> Option<Rc<TraceExecutor>> {
    let frame = vm.frame();
    let mut at = frame.ip;
    loop {
        match (frame.code.units.get(at)?.get() & 0xff) as u8 {
            op::EXTENDED_ARG => at += 1,
            op::ENTER_EXECUTOR => break,
            _ => return None,
        }
    }
    executor::installed_at(frame.code_ref, at).filter(|e| e.is_valid())
}

/// Projects a side trace from the exit just taken (the top frame is where it resumes).
fn grow_side_trace(vm: &Vm, parent: &TraceExecutor, exit: &executor::Exit) -> Option<Rc<TraceExecutor>> {
    let frame = vm.frame();
    let start = Start {
        code_ref: frame.code_ref,
        ip: frame.ip,
        globals: frame.globals,
        builtins: frame.builtins,
        loop_back_edge: None,
        observed_callee_version: crate::projector::observed_callee_version(vm),
    };
    let defer_compile = parent.native.borrow().is_none();
    match executor::build(&start, parent.chain_depth + 1, None, defer_compile) {
        Ok(side) => {
            *exit.side.borrow_mut() = Some(side.clone());
            Some(side)
        }
        Err(_) => {
            exit.next_attempt.set(exit.taken.get().saturating_mul(2).max(executor::SIDE_EXIT_THRESHOLD));
            None
        }
    }
}

// The generated dispatch binds every body result uniformly, unit values included.
#[allow(
    unused_macros,
    unused_parens,
    unused_variables,
    unused_assignments,
    unreachable_code,
    clippy::needless_late_init,
    clippy::let_unit_value,
    clippy::identity_op,
    clippy::unit_arg,
    clippy::let_and_return,
    clippy::match_single_binding
)]
fn run_trace(vm: &mut Vm, executor: &TraceExecutor, executed: &mut u64) -> Outcome {
    let uops = &executor.trace.uops[..];
    let mut sp = StackPtr::new(vm.frame().sp);
    let mut typed_keys: Option<Keys> = None;
    let mut pc = 0usize;
    loop {
        let inst = &uops[pc];
        let uop = inst.uop;
        let oparg = inst.oparg;

        macro_rules! frame_mut {
            () => {
                vm.frames.last_mut().expect("a trace runs in a frame")
            };
        }
        sidewinder_vm::define_stack_macros!($, sp);
        macro_rules! typed_register {
            (Keys) => {
                (&mut typed_keys)
            };
        }
        macro_rules! sync_sp {
            () => {
                frame_mut!().sp = sp.raw()
            };
        }
        // Uops executed: counted per pass over the trace (traces have no internal
        // jumps), so the dispatch itself counts nothing.
        macro_rules! leave {
            ($outcome:expr) => {{
                *executed += pc as u64 + 1;
                return $outcome;
            }};
        }
        macro_rules! raise {
            ($e:expr) => {{
                let e = $e;
                let frame = frame_mut!();
                frame.sp = sp.raw();
                frame.ip = inst.target as usize;
                leave!(Outcome::Error(e));
            }};
        }
        macro_rules! exit_trace {
            () => {{
                let target = executor.exits[inst.exit as usize].spec.target;
                let frame = frame_mut!();
                frame.sp = sp.raw();
                frame.ip = target as usize;
                leave!(Outcome::Exit(inst.exit));
            }};
        }
        define_shared_uop_macros!($, vm, executor, sp, inst, oparg, uop);
        macro_rules! next_uop {
            () => {{
                pc += 1;
                continue;
            }};
        }

        macro_rules! uop__JUMP_TO_TOP {
            () => {{
                let passes = executor.loop_passes.get() + 1;
                executor.loop_passes.set(passes);
                if executor.ready_to_compile(passes) {
                    let frame = frame_mut!();
                    frame.sp = sp.raw();
                    frame.ip = executor.trace.start_ip as usize;
                    leave!(Outcome::Recompile);
                }
                safepoint!();
                *executed += pc as u64 + 1;
                pc = 0;
                continue;
            }};
        }

        include!(concat!(env!("OUT_DIR"), "/tier2_dispatch.rs"))
    }
}
