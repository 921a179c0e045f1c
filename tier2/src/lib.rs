//! sidewinder-tier2: trace projection, the uop optimizer, the uop interpreter and
//! executors, with invalidation, dumps and statistics.
//!
//! - `projector`: specialized bytecode to a trace of uops (`ir`), through calls.
//! - `optimizer/`: abstract interpretation over the trace, one module per pass.
//! - `executor`: the trace with its exits, counters, dependencies and validity.
//! - `interpreter/`: runs traces uop by uop (PYTHON_JIT=interp).
//! - `dump` and `state`: `-X jit-dump` and `-X jit-stats`.
//!
//! `install` registers the optimizer with the VM; the VM calls it when a back edge is
//! hot and installs the executor it returns as ENTER_EXECUTOR.

pub mod dump;
pub mod executor;
pub mod interpreter;
pub mod ir;
pub mod optimizer;
pub mod projector;
pub mod state;

use std::rc::Rc;

use sidewinder_vm::objects::code::CodeData;
use sidewinder_vm::opcodes::{op, INSTRUCTION_UNITS};
use sidewinder_vm::runtime::{JitMode, Vm};
use sidewinder_vm::tier1::hooks::{Executor, Optimizer};
use sidewinder_vm::StackRef;

use crate::executor::Installation;
use crate::projector::Start;

/// Wires tier 2 into the VM according to its options: PYTHON_JIT=0 leaves the VM with
/// no optimizer (tier 1 only); the other modes run traces on the uop interpreter.
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
        let code = code_ref.downcast::<CodeData>()?;
        let oparg = full_oparg(code, ip)?;
        let loop_head = (ip + INSTRUCTION_UNITS[op::JUMP_BACKWARD as usize] as usize).checked_sub(oparg as usize)?;
        let frame = vm.frame();
        let start = Start {
            code_ref,
            ip: loop_head,
            globals: frame.globals,
            builtins: frame.builtins,
            loop_back_edge: Some(ip),
        };
        let installed = Installation { code_ref, back_edge_ip: ip, original_oparg: oparg };
        let executor = executor::build(&start, 0, Some(installed)).ok()?;
        executor::record_installed(code_ref, ip, &executor);
        Some(executor)
    }

    fn report(&self) -> String {
        state::report()
    }
}

/// The oparg of the instruction at `ip` including its EXTENDED_ARG prefixes, found by
/// decoding the code from the start (instruction boundaries are not marked).
fn full_oparg(code: &CodeData, ip: usize) -> Option<u32> {
    let mut at = 0;
    let mut oparg = 0u32;
    while at <= ip && at < code.units.len() {
        let word = code.units[at].get();
        let opcode = (word & 0xff) as u8;
        oparg = (oparg << 8) | (word >> 8) as u32;
        if at == ip {
            return Some(oparg);
        }
        if opcode == op::EXTENDED_ARG {
            at += 1;
            continue;
        }
        oparg = 0;
        at += INSTRUCTION_UNITS[opcode as usize] as usize;
    }
    None
}
