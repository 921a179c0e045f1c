//! The `uop_NAME!` macros the uop interpreter's dispatch and the JIT's generic uop
//! functions share: both are expansions of the arms uopgen writes, around a `StackPtr`
//! variable and the uop being run.

/// Defines the `uop_NAME!` macros that do the same in both places: the tier-1 uops no
/// trace contains (expanding to `not_in_traces!()`, which the caller defines), and the
/// constant loads, over the stack pointer `$sp`, the uop `$inst` and its `$oparg`.
/// (rustfmt does not format this macro stably, hence the skip.)
#[rustfmt::skip]
#[macro_export]
macro_rules! define_shared_uop_macros {
    ($sp:ident, $inst:ident, $oparg:ident) => {
        macro_rules! uop_CALL { () => { not_in_traces!() }; }
        macro_rules! uop_CALL_KW { () => { not_in_traces!() }; }
        macro_rules! uop_CALL_FUNCTION_EX { () => { not_in_traces!() }; }
        macro_rules! uop_JUMP_BACKWARD { () => { not_in_traces!() }; }
        macro_rules! uop_ENTER_EXECUTOR { () => { not_in_traces!() }; }
        macro_rules! uop_EXTENDED_ARG { () => { not_in_traces!() }; }
        macro_rules! uop_CACHE { () => { not_in_traces!() }; }
        macro_rules! uop_RAISE_VARARGS { () => { not_in_traces!() }; }
        macro_rules! uop_RERAISE { () => { not_in_traces!() }; }
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
