//! sidewinder-jit: compiles tier 2's optimized traces to machine code with Cranelift
//! (PYTHON_JIT=1, the default).
//!
//! - `lower/`: the lowering of a trace to a Cranelift function (inline uops, spilling,
//!   exits).
//! - `uop_calls`: the generic path, one function per uop calling its Rust body.
//! - `helpers`: the other runtime functions compiled code calls.
//! - `backend`: compilation, code memory handling, dumps, the perf map, running.
//! - `code_memory`: one module per trace, freed with it, under a bound.
//! - `context` and `layout`: what compiled code reads: the run's context and the
//!   VM's memory layout.

pub mod backend;
pub mod code_memory;
pub mod context;
pub mod helpers;
pub mod layout;
pub mod lower;
pub mod uop_calls;

use std::rc::Rc;

use sidewinder_vm::runtime::{JitMode, Vm};

/// Registers the Cranelift backend with tier 2 when the VM runs PYTHON_JIT=1. Call
/// after `sidewinder_tier2::install`. If the host ISA is not supported, traces run on
/// the uop interpreter and the reason is returned.
pub fn install(vm: &Vm) -> Result<(), String> {
    if vm.options.jit != JitMode::Native {
        return Ok(());
    }
    let config = backend::JitConfig::from_x_options(&vm.options.x_options);
    let backend = backend::CraneliftBackend::new(vm, config)?;
    sidewinder_tier2::native::set_backend(Rc::new(backend));
    Ok(())
}
