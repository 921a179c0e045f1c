//! The stack-access macros both generated dispatches (tier 1's and the uop
//! interpreter's) are written in, defined once over a `StackPtr` variable.

/// Defines `stack_peek!`, `stack_slice!`, `stack_scratch!`, `stack_drop!`, `stack_push!`,
/// `stack_advance!` and `stack_push_nulls!` over the `StackPtr` variable `$sp`. Call it
/// as `define_stack_macros!($, sp)`: the `$` token is passed in so that the macros it
/// defines can take parameters of their own. (rustfmt does not format this macro
/// stably, hence the skip.)
#[rustfmt::skip]
#[macro_export]
macro_rules! define_stack_macros {
    ($d:tt, $sp:ident) => {
        macro_rules! stack_peek {
            ($d depth:expr) => { $sp.peek($d depth) };
        }
        macro_rules! stack_slice {
            ($d depth:expr, $d count:expr) => { $sp.slice($d depth, $d count) };
        }
        macro_rules! stack_scratch {
            ($d offset:expr, $d count:expr) => { $sp.scratch($d offset, $d count) };
        }
        macro_rules! stack_drop {
            ($d n:expr) => { $sp.drop_n($d n) };
        }
        macro_rules! stack_push {
            ($d v:expr) => { $sp.push($d v) };
        }
        macro_rules! stack_advance {
            ($d n:expr) => { $sp.advance($d n) };
        }
        macro_rules! stack_push_nulls {
            ($d n:expr) => {
                for _ in 0..$d n {
                    $sp.push($crate::value::StackRef::NULL);
                }
            };
        }
    };
}
