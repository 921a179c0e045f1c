//! The macros the uop interpreter's dispatch and the JIT's generic uop functions share:
//! both are expansions of the arms uopgen writes, around a `StackPtr` variable and the
//! uop being run, and differ only in how they leave (`leave!`, `raise!`, `exit_trace!`,
//! `next_uop!`), where typed values live and how frames are pushed.

/// Defines, over the VM `$vm`, the executor `$executor`, the stack pointer `$sp`, the
/// uop `$inst` (its opcode `$uop`, its `$oparg`):
/// - `stack_push_from!`, `uop_operand!`, `branch!`, `exhausted!`, `safepoint!` and
///   `not_in_traces!`, which the arms use;
/// - the `uop_NAME!` macros that do the same in both places: the tier-1 uops no trace
///   contains, `RESUME`, `_SAVE_RETURN_OFFSET`, `_POP_FRAME`, and the tier-2-only uops
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
        macro_rules! uop_YIELD_VALUE { () => { not_in_traces!() }; }
        macro_rules! uop_SEND { () => { not_in_traces!() }; }
        macro_rules! uop__SEND_GEN_FRAME { () => { not_in_traces!() }; }
        macro_rules! uop__FOR_ITER_GEN_FRAME { () => { not_in_traces!() }; }
        macro_rules! uop_END_ASYNC_FOR { () => { not_in_traces!() }; }
        macro_rules! uop_RESUME {
            () => { safepoint!() };
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
