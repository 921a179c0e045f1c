//! The generic path: one `extern "C"` function per uop that runs the uop's Rust body
//! on the frame in memory, exactly as the uop interpreter's arm for it does. Compiled
//! code calls these for every uop it does not inline, after writing its live values,
//! the stack pointer and the instruction pointer back to the frame; so every trace
//! the uop interpreter runs also runs natively.
//!
//! The functions are generated from uops.toml (jit/build.rs); `uop_call_fn!` wraps
//! each arm with the macros the arm is written in.

use sidewinder_tier2::executor::TraceExecutor;
use sidewinder_tier2::ir::TraceUop;
use sidewinder_vm::opcodes::Uop;
use sidewinder_vm::runtime::frame::Frame;
use sidewinder_vm::runtime::Vm;
use sidewinder_vm::value::StackPtr;

use crate::context::{JitContext, STATUS_CONTINUE, STATUS_ERROR, STATUS_EXIT};

/// A generic uop call: runs `inst` with the context's VM, answers a `STATUS_*`.
pub type UopCallFn = unsafe extern "C" fn(*mut JitContext, *const TraceUop) -> u32;

/// Defines one generic uop function around an arm of the generated dispatch. (rustfmt
/// does not format the nested macros stably, hence the skip.)
#[rustfmt::skip]
macro_rules! uop_call_fn {
    ($d:tt, $name:ident, [$ctx:ident, $vm:ident, $executor:ident, $inst:ident, $oparg:ident, $uop:ident, $sp:ident], $body:block) => {
        #[allow(
            non_snake_case,
            unused_macros,
            unused_parens,
            unused_variables,
            unused_assignments,
            unused_mut,
            unreachable_code,
            clippy::needless_late_init,
            clippy::let_unit_value,
            clippy::identity_op,
            clippy::unit_arg,
            clippy::let_and_return,
            clippy::match_single_binding,
            clippy::diverging_sub_expression
        )]
        unsafe extern "C" fn $name(context: *mut JitContext, uop_ref: *const TraceUop) -> u32 {
            // SAFETY: compiled code passes the context of the run in progress, which
            // `NativeTrace::run` made from live references to the VM and the executor,
            // and a uop of that executor's trace, which the executor keeps alive.
            let $ctx: &mut JitContext = unsafe { &mut *context };
            // SAFETY: as above.
            let $inst: &TraceUop = unsafe { &*uop_ref };
            // SAFETY: as above; the VM is borrowed by nothing else while native code runs.
            let $vm: &mut Vm = unsafe { &mut *$ctx.vm };
            // SAFETY: as above.
            let $executor: &TraceExecutor = unsafe { &*$ctx.executor };
            let $oparg = $inst.oparg;
            let $uop = $inst.uop;
            let mut $sp = StackPtr::new($vm.frame().sp);

            macro_rules! frame_mut {
                () => {
                    $vm.frames.last_mut().expect("a trace runs in a frame")
                };
            }
            sidewinder_vm::define_stack_macros!($d, $sp);
            macro_rules! typed_register {
                (Keys) => { (&mut $ctx.typed_keys) };
            }
            macro_rules! sync_sp {
                () => { frame_mut!().sp = $sp.raw() };
            }
            macro_rules! leave {
                ($d status:expr) => {{
                    $ctx.frame = frame_mut!() as *mut Frame;
                    return $d status;
                }};
            }
            macro_rules! raise {
                ($d e:expr) => {{
                    let error = $d e;
                    let frame = frame_mut!();
                    frame.sp = $sp.raw();
                    frame.ip = $inst.target as usize;
                    $ctx.error = Some(error);
                    leave!(STATUS_ERROR);
                }};
            }
            macro_rules! exit_trace {
                () => {{
                    let target = $executor.exits[$inst.exit as usize].spec.target;
                    let frame = frame_mut!();
                    frame.sp = $sp.raw();
                    frame.ip = target as usize;
                    leave!(STATUS_EXIT);
                }};
            }
            macro_rules! next_uop {
                () => {{
                    sync_sp!();
                    leave!(STATUS_CONTINUE);
                }};
            }
            macro_rules! inlined_by_the_lowering {
                () => { unreachable!("{} is always lowered inline", $uop.name()) };
            }
            // What the uop interpreter defines alike.
            sidewinder_tier2::define_shared_uop_macros!($d, $vm, $executor, $sp, $inst, $oparg, $uop);

            macro_rules! uop__JUMP_TO_TOP {
                () => {
                    inlined_by_the_lowering!()
                };
            }

            $body
        }
    };
}

include!(concat!(env!("OUT_DIR"), "/jit_uop_calls.rs"));
