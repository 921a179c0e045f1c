//! sidewinder-tier2: trace projection, the uop optimizer, the uop interpreter and
//! executors, with invalidation, dumps and statistics.
//!
//! - `projector`: specialized bytecode to a trace of uops (`ir`), through calls.
//! - `optimizer/`: abstract interpretation over the trace, one module per pass.
//! - `executor`: the trace with its exits, counters, dependencies and validity.
//! - `interpreter/`: runs traces uop by uop (PYTHON_JIT=interp).
//! - `native`: the hook a native backend (sidewinder-jit) compiles executors through.
//! - `dump` and `state`: `-X jit-dump` and `-X jit-stats`.
//!
//! `install` registers the optimizer with the VM; the VM calls it when a back edge is
//! hot and installs the executor it returns as ENTER_EXECUTOR.

pub mod dump;
pub mod executor;
pub mod interpreter;
pub mod ir;
pub mod native;
pub mod optimizer;
pub mod projector;
pub mod state;

use std::rc::Rc;

use sidewinder_vm::runtime::{JitMode, Vm};
use sidewinder_vm::tier1::hooks::{Executor, Optimizer};
use sidewinder_vm::StackRef;

use crate::executor::Installation;

/// Wires tier 2 into the VM according to its options: PYTHON_JIT=0 leaves the VM with
/// no optimizer (tier 1 only); the other modes run traces on the uop interpreter, or
/// natively once a backend is registered (`native::set_backend`).
pub fn install(vm: &mut Vm) {
    if vm.options.jit == JitMode::Off {
        return;
    }
    state::set_config(state::Config::from_x_options(&vm.options.x_options));
    vm.optimizer = Some(Box::new(TraceOptimizer));
}

/// The optimizer the VM calls at hot back edges.
pub struct TraceOptimizer;

impl Optimizer for TraceOptimizer {
    fn optimize(&mut self, vm: &mut Vm, code_ref: StackRef, ip: usize) -> Option<Rc<dyn Executor>> {
        if executor::declines_short_loop(code_ref, ip) {
            return None;
        }
        let (start, oparg) = projector::loop_start(vm, code_ref, ip)?;
        let installed = Installation { code_ref, back_edge_ip: ip, original_oparg: oparg };
        let executor = executor::build(&start, 0, Some(installed), true).ok()?;
        executor::record_installed(code_ref, ip, &executor);
        Some(executor)
    }

    fn report(&self) -> String {
        let mut report = state::report();
        if let Some(backend) = native::backend() {
            report.push_str(&backend.report());
        }
        report
    }
}
