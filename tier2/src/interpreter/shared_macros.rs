//! The macros the uop interpreter's dispatch and the JIT's generic uop functions share:
//! both are expansions of the arms uopgen writes, around a `StackPtr` variable and the
//! uop being run, and differ only in how they leave (`leave!`, `raise!`, `exit_trace!`,
//! `next_uop!`) and where typed values live.

/// Defines, over the VM `$vm`, the executor `$executor`, the stack pointer `$sp`, the
/// uop `$inst` (its opcode `$uop`, its `$oparg`):
/// - `stack_push_from!`, `uop_operand!`, `branch!`, `exhausted!`, `safepoint!` and
///   `not_in_traces!`, which the arms use;
/// - the `uop_NAME!` macros that do the same in both places: the tier-1 uops no trace
///   contains, `RESUME`, the frame pushes and pops (`_INIT_CALL_PY_EXACT_ARGS`,
///   `_INIT_CALL_PY_WITH_DEFAULTS`, `_INIT_CALL_PY_KW`, `_CREATE_INIT_FRAME`, `_SAVE_RETURN_OFFSET`, `_PUSH_FRAME`, `_POP_FRAME`,
///   `YIELD_VALUE` from a generator frame the trace entered), and the tier-2-only uops
///   but `_JUMP_TO_TOP`.
///
/// The caller defines `frame_mut!`, `sync_sp!`, `raise!` and `exit_trace!` first. Call
/// it as `define_shared_uop_macros!($, vm, executor, sp, inst, oparg, uop)`: the `$`
/// token lets the macros it defines take parameters of their own. (rustfmt does not
/// format this macro stably, hence the skip.)
#[rustfmt::skip]
#[macro_export]
macro_rules! define_shared_uop_macros {
    ($d:tt, $vm:ident, $executor:ident, $sp:ident, $inst:ident, $oparg:ident, $uop:ident) => {
        macro_rules! stack_push_from {
            ($d slice:expr) => {{
                // The values sit in scratch room just above the stack: copy them out
                // before pushing over it.
                let values: Vec<sidewinder_vm::StackRef> = $d slice.to_vec();
                for value in values {
                    $sp.push(value);
                }
            }};
        }
        macro_rules! uop_operand {
            () => { $inst.operand };
        }
        macro_rules! branch {
            ($d taken:expr) => {
                if $d taken != $inst.expect_jump {
                    exit_trace!();
                }
            };
        }
        macro_rules! exhausted {
            () => { exit_trace!() };
        }
        macro_rules! safepoint {
            () => {
                if $vm.safepoint_due() {
                    sync_sp!();
                    if let Err(e) = $vm.safepoint_in_trace() {
                        raise!(e);
                    }
                }
            };
        }
        macro_rules! not_in_traces {
            () => { unreachable!("{} is never projected into a trace", $uop.name()) };
        }
        macro_rules! uop_CALL { () => { not_in_traces!() }; }
        macro_rules! uop_CALL_KW { () => { not_in_traces!() }; }
        macro_rules! uop_CALL_FUNCTION_EX { () => { not_in_traces!() }; }
        macro_rules! uop_JUMP_BACKWARD { () => { not_in_traces!() }; }
        macro_rules! uop_ENTER_EXECUTOR { () => { not_in_traces!() }; }
        macro_rules! uop_EXTENDED_ARG { () => { not_in_traces!() }; }
        macro_rules! uop_CACHE { () => { not_in_traces!() }; }
        macro_rules! uop_RAISE_VARARGS { () => { not_in_traces!() }; }
        macro_rules! uop_RERAISE { () => { not_in_traces!() }; }
        macro_rules! uop_RETURN_GENERATOR { () => { not_in_traces!() }; }
        macro_rules! uop_SEND { () => { not_in_traces!() }; }
        macro_rules! uop__SEND_GEN_FRAME { () => { not_in_traces!() }; }
        macro_rules! uop__FOR_ITER_GEN_FRAME { () => { not_in_traces!() }; }
        macro_rules! uop__CALL_NEXT_GEN_FRAME { () => { not_in_traces!() }; }
        macro_rules! uop_END_ASYNC_FOR { () => { not_in_traces!() }; }
        macro_rules! uop_RESUME {
            () => { safepoint!() };
        }
        // The frame pushes of inlined calls. The frame itself is pushed by the VM
        // (`Vm::push_frame_exact`, `Vm::push_init_frames`), as in every tier; the push
        // uop saves the caller's stack pointer in the caller's frame, `_SAVE_RETURN_OFFSET`
        // its return point and `_PUSH_FRAME` its ip, and `$sp` moves to the new top
        // frame (so `sync_sp!` never writes a caller's pointer into a callee).
        macro_rules! init_call_py {
            ($d push:ident) => {{
                let argc = $oparg as usize;
                let callable = $sp.peek(argc + 1);
                let with_self = !$sp.peek(argc).is_null() as usize;
                let values = $sp.slice(0, argc + with_self);
                if let Err(e) = $vm.$d push(callable, values) {
                    raise!(e);
                }
                $sp.drop_n(argc + 2);
                let depth = $vm.frames.len();
                $vm.frames[depth - 2].sp = $sp.raw();
                $sp = sidewinder_vm::value::StackPtr::new($vm.frames[depth - 1].sp);
            }};
        }
        macro_rules! uop__INIT_CALL_PY_KW {
            () => {{
                let argc = $oparg as usize;
                let kwnames = $sp.peek(0);
                let callable = $sp.peek(argc + 2);
                let with_self = !$sp.peek(argc + 1).is_null() as usize;
                let values = $sp.slice(1, argc + with_self);
                if let Err(e) = $vm.push_frame_keywords(callable, values, kwnames) {
                    raise!(e);
                }
                $sp.drop_n(argc + 3);
                let depth = $vm.frames.len();
                $vm.frames[depth - 2].sp = $sp.raw();
                $sp = sidewinder_vm::value::StackPtr::new($vm.frames[depth - 1].sp);
            }};
        }
        macro_rules! uop__INIT_CALL_PY_EXACT_ARGS {
            () => { init_call_py!(push_frame_exact) };
        }
        macro_rules! uop__INIT_CALL_PY_WITH_DEFAULTS {
            () => { init_call_py!(push_frame_with_defaults) };
        }
        // CALL_ALLOC_AND_ENTER_INIT: [__init__, self, args] -> the init-cleanup shim and
        // __init__'s frame pushed. The caller is left as `_PUSH_FRAME` would leave it
        // (stack, ip, and its return point after the CALL); the `_PUSH_FRAME` after
        // this runs in the shim's projected frame (target 0, the shim's return point).
        macro_rules! uop__CREATE_INIT_FRAME {
            () => {{
                let argc = $oparg as usize;
                let init = $sp.peek(argc + 1);
                let values = $sp.slice(0, argc + 1);
                if let Err(e) = $vm.push_init_frames(init, values) {
                    raise!(e);
                }
                $sp.drop_n(argc + 2);
                let depth = $vm.frames.len();
                let caller = &mut $vm.frames[depth - 3];
                caller.sp = $sp.raw();
                caller.ip = $inst.target as usize;
                let call_units = sidewinder_vm::opcodes::INSTRUCTION_UNITS[sidewinder_vm::opcodes::op::CALL_ALLOC_AND_ENTER_INIT as usize];
                caller.return_ip = $inst.target as usize + call_units as usize;
                $sp = sidewinder_vm::value::StackPtr::new($vm.frames[depth - 1].sp);
            }};
        }
        macro_rules! uop__PUSH_FRAME {
            () => {{
                // The caller's stack pointer is in its frame already (the uop that
                // pushed the callee wrote it).
                let depth = $vm.frames.len();
                $vm.frames[depth - 2].ip = $inst.target as usize;
                $sp = sidewinder_vm::value::StackPtr::new($vm.frames[depth - 1].sp);
            }};
        }
        macro_rules! uop__SAVE_RETURN_OFFSET {
            () => {{
                // The callee's frame is already pushed: the caller is second from the top.
                let depth = $vm.frames.len();
                $vm.frames[depth - 2].return_ip = $inst.operand as usize;
            }};
        }
        macro_rules! uop__POP_FRAME {
            () => {{
                // Traces return only from inlined calls (never to Rust, never from a
                // generator frame): the caller gets the value pushed.
                let retval = $sp.pop();
                let returned = $vm.return_from_frame();
                debug_assert_eq!(returned, sidewinder_vm::runtime::generators::Returned::ToCaller { push: true });
                $sp = sidewinder_vm::value::StackPtr::new($vm.frame().sp);
                $sp.push(retval);
            }};
        }
        // A generator's frame that the trace entered (`_PUSH_GEN_FRAME`) yields: it is
        // unlinked, and the caller, the frame below, gets the value after its FOR_ITER.
        macro_rules! uop_YIELD_VALUE {
            () => {{
                let value = $sp.pop();
                let returned = $vm.suspend_generator_frame($sp, $inst.target as usize);
                debug_assert!(matches!(returned, sidewinder_vm::runtime::generators::Returned::ToCaller { .. }));
                $sp = sidewinder_vm::value::StackPtr::new($vm.frame().sp);
                $sp.push(value);
            }};
        }
        macro_rules! uop__GUARD_GEN_RESUME {
            () => {{
                let gen = $sp.peek(0);
                if !sidewinder_vm::runtime::generators::is_expected_generator(gen, $inst.operand as u32, $oparg as usize) {
                    let code = frame_mut!().code;
                    sidewinder_vm::runtime::generators::record_for_iter_generator(code, $inst.target as usize, gen);
                    exit_trace!();
                }
            }};
        }
        // Links the frame of the generator on top of the stack (None sent), as
        // `$resumer` does in tier 1: the caller stays at the instruction the uop stands
        // for, goes on at `$return_ip` when the generator returns, and the trace goes on
        // in the generator's frame.
        macro_rules! link_generator_frame {
            ($d resumer:expr, $d return_ip:expr) => {{
                let gen = $sp.peek(0);
                sync_sp!();
                if let Err(e) = $vm.push_generator_frame(gen, sidewinder_vm::runtime::types::none(), $d resumer) {
                    raise!(e);
                }
                let depth = $vm.frames.len();
                let caller = &mut $vm.frames[depth - 2];
                caller.ip = $inst.target as usize;
                caller.return_ip = $d return_ip;
                $sp = sidewinder_vm::value::StackPtr::new($vm.frames[depth - 1].sp);
            }};
        }
        // FOR_ITER_GEN in a trace (the guard before it checked the generator): a return
        // goes to the loop's exit.
        macro_rules! uop__PUSH_GEN_FRAME {
            () => {{
                let for_iter_units = sidewinder_vm::opcodes::INSTRUCTION_UNITS[sidewinder_vm::opcodes::op::FOR_ITER as usize];
                link_generator_frame!(
                    sidewinder_vm::runtime::frame::Resumer::ForIter,
                    $inst.target as usize + for_iter_units as usize + $oparg as usize
                );
            }};
        }
        macro_rules! uop__GUARD_NEXT_GEN {
            () => {{
                let gen = $sp.peek(0);
                if !sidewinder_vm::runtime::generators::is_builtin_next_call($sp.peek(2), $sp.peek(1), 1)
                    || !sidewinder_vm::runtime::generators::is_expected_generator(gen, $inst.operand as u32, $oparg as usize)
                {
                    let code = frame_mut!().code;
                    sidewinder_vm::runtime::generators::record_next_generator(code, $inst.target as usize, gen);
                    exit_trace!();
                }
            }};
        }
        // CALL_NEXT_GEN in a trace (the guard before it checked the call): the caller
        // goes on at the CALL's end when the generator yields, and raises at the CALL
        // when it returns (tier 1 runs that return).
        macro_rules! uop__PUSH_NEXT_GEN_FRAME {
            () => {{
                link_generator_frame!(sidewinder_vm::runtime::frame::Resumer::Next, $inst.target as usize);
            }};
        }
        macro_rules! uop__SET_IP {
            () => { frame_mut!().ip = $inst.operand as usize };
        }
        macro_rules! uop__CHECK_VALIDITY {
            () => {
                if !sidewinder_vm::tier1::hooks::Executor::is_valid($executor) {
                    exit_trace!();
                }
            };
        }
        macro_rules! uop__EXIT_TRACE {
            () => { exit_trace!() };
        }
        macro_rules! uop__LOAD_CONST_INLINE {
            () => {{
                $sp.push(sidewinder_vm::StackRef::from_bits($inst.operand as usize));
                if $oparg & 1 != 0 {
                    $sp.push(sidewinder_vm::StackRef::NULL);
                }
            }};
        }
        macro_rules! uop__POP_TOP_LOAD_CONST_INLINE {
            () => {{
                $sp.drop_n(1);
                $sp.push(sidewinder_vm::StackRef::from_bits($inst.operand as usize));
                if $oparg & 1 != 0 {
                    $sp.push(sidewinder_vm::StackRef::NULL);
                }
            }};
        }
    };
}
