//! The optimizer hook: a hot back edge is offered to the installed optimizer, the
//! executor it returns is installed as ENTER_EXECUTOR and run, and once invalid the
//! instruction behaves as the original JUMP_BACKWARD. Without an optimizer the back edge
//! backs off and nothing is installed.

use std::cell::Cell;
use std::rc::Rc;

use sidewinder_vm::compiler::compile_module;
use sidewinder_vm::objects::dict::DictData;
use sidewinder_vm::objects::new;
use sidewinder_vm::runtime::types::dict_get_str;
use sidewinder_vm::runtime::{Options, Vm};
use sidewinder_vm::tier1::hooks::{Executor, ExecutorExit, Optimizer};
use sidewinder_vm::{PyResult, StackRef};

const PROGRAM: &str = "total = 0\nfor i in range(1000):\n    total += i\n";

/// An executor that does nothing but count its runs and invalidate itself.
struct OneShot {
    runs: Rc<Cell<u32>>,
    valid: Cell<bool>,
    oparg: u32,
}

impl Executor for OneShot {
    fn execute(&self, _vm: &mut Vm) -> PyResult<ExecutorExit> {
        self.runs.set(self.runs.get() + 1);
        self.valid.set(false);
        Ok(ExecutorExit::Resume)
    }
    fn is_valid(&self) -> bool {
        self.valid.get()
    }
    fn original_oparg(&self) -> u32 {
        self.oparg
    }
}

struct CountingOptimizer {
    offers: Rc<Cell<u32>>,
    runs: Rc<Cell<u32>>,
}

impl Optimizer for CountingOptimizer {
    fn optimize(&mut self, _vm: &mut Vm, code: StackRef, ip: usize) -> Option<Rc<dyn Executor>> {
        self.offers.set(self.offers.get() + 1);
        let code = code.downcast::<sidewinder_vm::objects::code::CodeData>().expect("code");
        let oparg = (code.units[ip].get() >> 8) as u32;
        Some(Rc::new(OneShot { runs: self.runs.clone(), valid: Cell::new(true), oparg }))
    }
}

fn run(optimizer: Option<Box<dyn Optimizer>>) -> (Vm, i64) {
    let options = Options { gc_stress: true, ..Options::default() };
    let mut vm = Vm::new(options, vec!["test".into()]);
    vm.optimizer = optimizer;
    let compiled = compile_module(PROGRAM, "<test>").expect("compiles");
    vm.run_module_code(&compiled).expect("runs");
    let globals = vm.main_globals();
    let total = dict_get_str(globals.downcast::<DictData>().unwrap(), new::intern("total")).expect("total");
    (vm, total.small_int_value())
}

#[test]
fn hot_back_edge_installs_and_runs_the_executor() {
    let offers = Rc::new(Cell::new(0));
    let runs = Rc::new(Cell::new(0));
    let optimizer = CountingOptimizer { offers: offers.clone(), runs: runs.clone() };
    let (vm, total) = run(Some(Box::new(optimizer)));
    assert_eq!(total, 499_500, "the loop still computes the right result");
    assert_eq!(offers.get(), 1, "offered once: afterwards the back edge is ENTER_EXECUTOR");
    assert_eq!(runs.get(), 1, "the executor ran, then invalidated itself");
    assert_eq!(vm.stats.executors_installed, 1);
}

#[test]
fn without_an_optimizer_nothing_is_installed() {
    let (vm, total) = run(None);
    assert_eq!(total, 499_500);
    assert!(vm.stats.hot_back_edges >= 1, "the back edge got hot");
    assert!(vm.stats.hot_back_edges < 10, "and backed off exponentially: {}", vm.stats.hot_back_edges);
    assert_eq!(vm.stats.executors_installed, 0);
}
