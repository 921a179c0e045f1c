//! The optimizer hook: a hot back edge is offered to the installed optimizer, the
//! executor it returns is installed as ENTER_EXECUTOR and run, and once invalid the
//! instruction behaves as the original JUMP_BACKWARD (EXTENDED_ARG prefixes included),
//! as it does with an emptied slot. Uninstalling restores the back edge and frees the
//! slot for reuse; a watched globals dict that changes invalidates and uninstalls. Without
//! an optimizer the back edge backs off and nothing is installed.

use std::cell::Cell;
use std::rc::Rc;

use sidewinder_vm::compiler::compile_module;
use sidewinder_vm::objects::code::CodeData;
use sidewinder_vm::objects::dict::DictData;
use sidewinder_vm::objects::new;
use sidewinder_vm::opcodes::{op, INSTRUCTION_UNITS};
use sidewinder_vm::runtime::types::dict_get_str;
use sidewinder_vm::runtime::{Options, Vm};
use sidewinder_vm::tier1::hooks::{Executor, ExecutorExit, Optimizer};
use sidewinder_vm::tier1::specialize::uninstall_executor;
use sidewinder_vm::tier1::watchers;
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
    fn invalidate(&self) {
        self.valid.set(false);
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
        let code = code_of(code);
        let oparg = (code.units[ip].get() >> 8) as u32;
        Some(Rc::new(OneShot { runs: self.runs.clone(), valid: Cell::new(true), oparg }))
    }
}

fn run(optimizer: Option<Box<dyn Optimizer>>) -> (Vm, i64) {
    run_program(PROGRAM, optimizer)
}

fn run_program(program: &str, optimizer: Option<Box<dyn Optimizer>>) -> (Vm, i64) {
    let options = Options { gc_stress: true, ..Options::default() };
    let mut vm = Vm::new(options, vec!["test".into()]);
    vm.optimizer = optimizer;
    let compiled = compile_module(program, "<test>").expect("compiles");
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

/// A loop whose body is long enough for its JUMP_BACKWARD to need an EXTENDED_ARG.
fn long_loop() -> String {
    let mut program = String::from("total = 0\nfor i in range(1000):\n");
    for _ in 0..60 {
        program.push_str("    total = total + 1\n");
    }
    program.push_str("    total = total - 60 + i\n");
    program
}

fn code_of(code_ref: StackRef) -> &'static CodeData {
    code_ref.downcast::<CodeData>().expect("code")
}

/// The oparg of the instruction at `ip` with its EXTENDED_ARG prefixes (decoded from the
/// start, as instruction boundaries are not marked).
fn full_oparg(code: &CodeData, ip: usize) -> u32 {
    let (mut at, mut oparg) = (0, 0u32);
    loop {
        let word = code.units[at].get();
        oparg = (oparg << 8) | (word >> 8) as u32;
        if at == ip {
            return oparg;
        }
        if word & 0xff != op::EXTENDED_ARG as u16 {
            oparg = 0;
        }
        at += INSTRUCTION_UNITS[(word & 0xff) as usize] as usize;
    }
}

/// What `Behaving::execute` does.
#[derive(Clone, Copy, PartialEq)]
enum Behaviour {
    /// Invalidates (and so uninstalls) itself, then resumes at the back edge.
    Uninstall,
    /// Empties its own slot without restoring the instruction, then resumes at it.
    EmptySlot,
    /// Jumps to the loop head, as the back edge would, and stays valid.
    JumpBack,
}

/// An executor installed at `ip` of `code` (it reports the full oparg, EXTENDED_ARG bits
/// included, as tier 2 does).
struct Behaving {
    behaviour: Behaviour,
    code: StackRef,
    ip: usize,
    oparg: u32,
    valid: Cell<bool>,
    runs: Rc<Cell<u32>>,
}

impl Executor for Behaving {
    fn execute(&self, vm: &mut Vm) -> PyResult<ExecutorExit> {
        self.runs.set(self.runs.get() + 1);
        let code = code_of(self.code);
        match self.behaviour {
            Behaviour::Uninstall => self.invalidate(),
            Behaviour::EmptySlot => {
                let slot = (code.units[self.ip].get() >> 8) as usize;
                let emptied = code.executors.borrow_mut()[slot].take();
                assert!(emptied.is_some());
            }
            Behaviour::JumpBack => vm.frames.last_mut().expect("a frame").ip = self.ip + 2 - self.oparg as usize,
        }
        Ok(ExecutorExit::Resume)
    }
    fn is_valid(&self) -> bool {
        self.valid.get()
    }
    fn invalidate(&self) {
        self.valid.set(false);
        uninstall_executor(code_of(self.code), self.ip, self.oparg);
    }
    fn original_oparg(&self) -> u32 {
        self.oparg
    }
}

struct BehavingOptimizer {
    behaviour: Behaviour,
    offers: Rc<Cell<u32>>,
    runs: Rc<Cell<u32>>,
    /// Watch the frame's globals dict.
    watch_globals: bool,
    /// The code object of the last back edge offered.
    code: Rc<Cell<StackRef>>,
}

impl Optimizer for BehavingOptimizer {
    fn optimize(&mut self, vm: &mut Vm, code: StackRef, ip: usize) -> Option<Rc<dyn Executor>> {
        self.offers.set(self.offers.get() + 1);
        self.code.set(code);
        let executor: Rc<dyn Executor> = Rc::new(Behaving {
            behaviour: self.behaviour,
            code,
            ip,
            oparg: full_oparg(code_of(code), ip),
            valid: Cell::new(true),
            runs: self.runs.clone(),
        });
        if self.watch_globals {
            let globals = vm.frame().globals.downcast::<DictData>().expect("globals");
            watchers::watch_dict(globals, &Rc::downgrade(&executor));
        }
        Some(executor)
    }
    fn report(&self) -> String {
        format!("behaving: offers {}\n", self.offers.get())
    }
}

/// What a run with a `BehavingOptimizer` left behind.
struct Outcome {
    vm: Vm,
    total: i64,
    offers: u32,
    runs: u32,
    /// The code object of the loop.
    code: &'static CodeData,
}

fn run_behaving(program: &str, behaviour: Behaviour, watch_globals: bool) -> Outcome {
    let offers = Rc::new(Cell::new(0));
    let runs = Rc::new(Cell::new(0));
    let code = Rc::new(Cell::new(StackRef::NULL));
    let optimizer =
        BehavingOptimizer { behaviour, offers: offers.clone(), runs: runs.clone(), watch_globals, code: code.clone() };
    let (vm, total) = run_program(program, Some(Box::new(optimizer)));
    Outcome { vm, total, offers: offers.get(), runs: runs.get(), code: code_of(code.get()) }
}

#[test]
fn an_invalid_executor_behind_extended_arg_jumps_like_the_back_edge() {
    let program = long_loop();
    let compiled = compile_module(&program, "<test>").expect("compiles");
    let mut ext = 0u32;
    let mut wide_back_edge = false;
    let mut at = 0;
    while at < compiled.units.len() {
        let unit = compiled.units[at];
        let (opcode, oparg) = ((unit & 0xff) as u8, (ext << 8) | (unit >> 8) as u32);
        wide_back_edge |= opcode == op::JUMP_BACKWARD && oparg > 255;
        ext = if opcode == op::EXTENDED_ARG { oparg } else { 0 };
        at += INSTRUCTION_UNITS[opcode as usize] as usize;
    }
    assert!(wide_back_edge, "the back edge needs EXTENDED_ARG");
    let offers = Rc::new(Cell::new(0));
    let runs = Rc::new(Cell::new(0));
    let optimizer = CountingOptimizer { offers: offers.clone(), runs: runs.clone() };
    let (_, total) = run_program(&program, Some(Box::new(optimizer)));
    assert_eq!(total, 499_500);
    assert_eq!((offers.get(), runs.get()), (1, 1));
}

#[test]
fn uninstalling_restores_the_back_edge_and_reuses_the_slot() {
    for program in [PROGRAM.to_string(), long_loop()] {
        let uninstalls = watchers::uninstalls();
        let out = run_behaving(&program, Behaviour::Uninstall, false);
        assert_eq!(out.total, 499_500);
        assert!(out.offers > 2, "offered again after each uninstall (with backoff): {}", out.offers);
        assert!(out.offers < 20, "but backed off: {}", out.offers);
        assert_eq!(out.runs, out.offers);
        assert_eq!(out.vm.stats.executors_installed, out.offers as u64);
        assert_eq!(watchers::uninstalls() - uninstalls, out.offers as u64);
        assert_eq!(out.code.executors.borrow().len(), 1, "one slot, reused");
        assert!(out.code.executors.borrow()[0].is_none(), "the last executor uninstalled itself");
        assert!(!out.code.units.iter().any(|u| u.get() & 0xff == op::ENTER_EXECUTOR as u16));
    }
}

#[test]
fn an_emptied_slot_behaves_as_the_back_edge() {
    for program in [PROGRAM.to_string(), long_loop()] {
        let out = run_behaving(&program, Behaviour::EmptySlot, false);
        assert_eq!(out.total, 499_500);
        assert_eq!((out.offers, out.runs), (1, 1), "the instruction stays ENTER_EXECUTOR, with no executor");
        assert!(out.code.executors.borrow()[0].is_none());
    }
}

#[test]
fn changing_a_watched_global_invalidates_and_uninstalls() {
    let invalidations = watchers::invalidations();
    let uninstalls = watchers::uninstalls();
    // `total += i` overwrites a value of the watched globals every iteration.
    let out = run_behaving(PROGRAM, Behaviour::JumpBack, true);
    assert_eq!(out.total, 499_500);
    assert!(out.offers > 2, "re-offered after each invalidation: {}", out.offers);
    assert_eq!(out.runs, out.offers, "each executor ran once, then the loop body changed a global");
    assert_eq!(watchers::invalidations() - invalidations, out.offers as u64);
    assert_eq!(watchers::uninstalls() - uninstalls, out.offers as u64);
    assert_eq!(out.code.executors.borrow().len(), 1);
}

#[test]
fn the_optimizer_report_is_its_own() {
    let optimizer = BehavingOptimizer {
        behaviour: Behaviour::JumpBack,
        offers: Rc::new(Cell::new(3)),
        runs: Rc::new(Cell::new(0)),
        watch_globals: false,
        code: Rc::new(Cell::new(StackRef::NULL)),
    };
    assert_eq!(optimizer.report(), "behaving: offers 3\n");
    assert_eq!(CountingOptimizer { offers: Rc::new(Cell::new(0)), runs: Rc::new(Cell::new(0)) }.report(), "");
}
