//! Optimizer tests on real traces: each program runs on a VM whose optimizer only
//! records the trace projected at the first hot back edge; the tests optimize copies of
//! it and look at the result. `run_both` also runs a program with tier 2 installed,
//! optimizer on and off, and compares what it computes.

use std::cell::RefCell;
use std::rc::Rc;

use sidewinder_vm::compiler::compile_module;
use sidewinder_vm::objects::dict::DictData;
use sidewinder_vm::objects::new;
use sidewinder_vm::opcodes::{uop_flags, Uop};
use sidewinder_vm::runtime::types::{dict_get_str, types};
use sidewinder_vm::runtime::{JitMode, Options, Vm};
use sidewinder_vm::tier1::hooks::{Executor, Optimizer};
use sidewinder_vm::StackRef;

use super::optimize;
use crate::ir::{Dependency, ExitKind, ExitSpec, Trace, TraceUop};
use crate::projector::{self, MAX_TRACE_LENGTH};

/// Records the traces projected at hot back edges (in the function `f` when given) and
/// installs nothing.
struct Capture {
    traces: Rc<RefCell<Vec<Trace>>>,
}

impl Optimizer for Capture {
    fn optimize(&mut self, vm: &mut Vm, code_ref: StackRef, ip: usize) -> Option<Rc<dyn Executor>> {
        let (start, _) = projector::loop_start(vm, code_ref, ip)?;
        if let Ok(trace) = projector::project(&start, MAX_TRACE_LENGTH) {
            self.traces.borrow_mut().push(trace);
        }
        None
    }
}

/// Runs `program`; returns the VM (which keeps the traced objects alive) and the first
/// trace projected in a code object named `f`.
fn trace_of(program: &str) -> (Vm, Trace) {
    let traces = Rc::new(RefCell::new(Vec::new()));
    let mut vm = Vm::new(Options { jit: JitMode::Interp, ..Options::default() }, vec!["test".into()]);
    vm.optimizer = Some(Box::new(Capture { traces: traces.clone() }));
    let compiled = compile_module(program, "<test>").expect("compiles");
    vm.run_module_code(&compiled).expect("runs");
    let trace = traces.borrow().iter().find(|t| t.frames[0].code.name == "f").cloned().expect("a trace in f");
    (vm, trace)
}

fn optimized(trace: &Trace) -> Trace {
    let mut t = trace.clone();
    optimize(&mut t).expect("no contradiction");
    t
}

fn count(trace: &Trace, uop: Uop) -> usize {
    trace.uops.iter().filter(|u| u.uop == uop).count()
}

fn global(vm: &mut Vm, name: &str) -> StackRef {
    let globals = vm.main_globals();
    dict_get_str(globals.downcast::<DictData>().unwrap(), new::intern(name)).expect("the global exists")
}

#[test]
fn second_guard_on_a_known_int_goes() {
    let program = "def f(n):\n    i = 0\n    t = 0\n    while i < n:\n        t = i + 1\n        i = i + 1\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_GUARD_BOTH_INT), 3, "i < n, i + 1, i + 1");
    let opt = optimized(&trace);
    // `i < n` proves i and n small ints; `1` is a constant small int.
    assert_eq!(count(&opt, Uop::_GUARD_BOTH_INT), 1);
    assert!(opt.guard_count() < trace.guard_count());
    assert_eq!(opt.exits, trace.exits, "exits are kept as they are");
}

#[test]
fn guard_on_an_unknown_value_stays() {
    // The result of the generic % is not known: the guard of `+ t` stays.
    let program = "def f(n):\n    t = 0\n    i = 0\n    while i < n:\n        t = (i ** 1) + t\n        i += 1\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_GUARD_BOTH_INT), 2, "i < n and the sum; not i + 1");
}

#[test]
fn global_becomes_an_inline_constant_with_a_dict_dependency() {
    let program = "K = 12345\ndef f(n):\n    t = 0\n    for i in range(n):\n        t = t + K\n    return t\nf(5000)\n";
    let (mut vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_LOAD_GLOBAL_MODULE_FROM_KEYS), 1);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_LOAD_GLOBAL_MODULE_FROM_KEYS), 0);
    assert_eq!(count(&opt, Uop::_GUARD_GLOBALS_VERSION_PUSH_KEYS), 0);
    let k = global(&mut vm, "K");
    let load = opt.uops.iter().find(|u| u.uop == Uop::_LOAD_CONST_INLINE).expect("the promoted load");
    assert_eq!(load.operand, k.bits() as u64);
    let globals = vm.main_globals();
    assert_eq!(opt.dependencies, vec![Dependency::Dict(globals)]);
    // K's guard: K is a constant small int, t is not known.
    assert_eq!(count(&opt, Uop::_GUARD_BOTH_INT), 1);
}

#[test]
fn builtin_becomes_an_inline_constant_depending_on_both_dicts() {
    let program = "def f(xs):\n    t = 0\n    for x in xs:\n        t = t + len(x)\n    return t\nf([[1]] * 5000)\n";
    let (mut vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_LOAD_GLOBAL_BUILTINS_FROM_KEYS), 1);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_LOAD_GLOBAL_BUILTINS_FROM_KEYS), 0);
    assert_eq!(count(&opt, Uop::_GUARD_GLOBALS_VERSION), 0);
    assert_eq!(count(&opt, Uop::_GUARD_BUILTINS_VERSION_PUSH_KEYS), 0);
    let globals = vm.main_globals();
    assert!(opt.dependencies.contains(&Dependency::Dict(globals)));
    assert!(opt.dependencies.contains(&Dependency::Dict(vm.builtins)));
}

#[test]
fn module_attribute_of_a_promoted_module_is_one_constant() {
    let program =
        "import math\ndef f(n):\n    t = 0.0\n    for i in range(n):\n        t = t + math.pi\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_LOAD_ATTR_MODULE_FROM_KEYS), 1);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_LOAD_ATTR_MODULE_FROM_KEYS), 0);
    assert_eq!(count(&opt, Uop::_POP_TOP_LOAD_CONST_INLINE), 0, "merged with the module's load");
    assert_eq!(count(&opt, Uop::_LOAD_CONST_INLINE), 1);
    assert_eq!(opt.dependencies.len(), 2, "the globals and math's dict");
    // math.pi is a constant float: only t's kind is tested.
    assert!(count(&opt, Uop::_GUARD_BOTH_FLOAT) <= 1);
}

#[test]
fn class_attribute_of_a_promoted_class_is_one_constant_depending_on_the_class() {
    let program = "class C:\n    k = 3\ndef f(n):\n    t = 0\n    for i in range(n):\n        t = t + C.k\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_LOAD_ATTR_CLASS), 1);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_LOAD_ATTR_CLASS), 0);
    assert_eq!(count(&opt, Uop::_CHECK_ATTR_CLASS), 0);
    assert_eq!(count(&opt, Uop::_POP_TOP_LOAD_CONST_INLINE), 0, "merged with the class's load");
    assert!(opt.dependencies.iter().any(|d| matches!(d, Dependency::Type(_))), "{:?}", opt.dependencies);
}

#[test]
fn constant_int_operations_fold() {
    let program =
        "A = 6\nB = 7\ndef f(n):\n    t = 0\n    for i in range(n):\n        t = A * B - 2\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_BINARY_OP_MULTIPLY_INT), 0);
    assert_eq!(count(&opt, Uop::_BINARY_OP_SUBTRACT_INT), 0);
    assert_eq!(count(&opt, Uop::_GUARD_BOTH_INT), 0);
    assert_eq!(count(&opt, Uop::LOAD_CONST), 0);
    let loads: Vec<&TraceUop> = opt.uops.iter().filter(|u| u.uop == Uop::_LOAD_CONST_INLINE).collect();
    assert_eq!(loads.len(), 1);
    assert_eq!(loads[0].operand, StackRef::small_int(40).unwrap().bits() as u64);
}

#[test]
fn folding_leaves_an_overflowing_operation() {
    let program =
        "A = 2 ** 61\ndef f(n):\n    t = 0\n    for i in range(n):\n        t = A + A\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_BINARY_OP_ADD_INT), 1, "2**62 is not a small int: it deopts at run time");
}

#[test]
fn set_ip_stays_only_before_escaping_uops() {
    let program = "def f(n):\n    t = 0\n    i = 0\n    while i < n:\n        t = (i ** 1) + t\n        i += 1\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    let opt = optimized(&trace);
    assert!(count(&opt, Uop::_SET_IP) < count(&trace, Uop::_SET_IP));
    for (index, u) in opt.uops.iter().enumerate() {
        if u.uop != Uop::_SET_IP {
            continue;
        }
        let rest = &opt.uops[index + 1..];
        let until = rest.iter().position(|v| v.uop == Uop::_SET_IP).unwrap_or(rest.len());
        assert!(rest[..until].iter().any(|v| v.escapes()), "the _SET_IP at {index} is needed");
    }
    // The generic ** (int powers are not specialized) and _JUMP_TO_TOP escape.
    assert_eq!(count(&opt, Uop::_SET_IP), 2);
    // No dependencies: no validity checks.
    assert!(opt.dependencies.is_empty());
    assert_eq!(count(&opt, Uop::_CHECK_VALIDITY), 0);
    assert_eq!(count(&opt, Uop::NOP), 0);
}

#[test]
fn validity_checks_stay_with_dependencies() {
    let program = "K = 3\ndef f(n):\n    t = 0\n    i = 0\n    while i < n:\n        t = (i ** 1) + K\n        i += 1\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    let opt = optimized(&trace);
    assert!(!opt.dependencies.is_empty());
    assert_eq!(count(&opt, Uop::_CHECK_VALIDITY), count(&trace, Uop::_CHECK_VALIDITY));
    assert!(count(&opt, Uop::_CHECK_VALIDITY) > 0);
}

#[test]
fn repeated_type_version_guard_goes() {
    let program = "class P:\n    def __init__(self):\n        self.x = 1\n        self.y = 2\n\
                   def f(p, n):\n    t = 0\n    for i in range(n):\n        t = p.x + p.y\n    return t\nf(P(), 5000)\n";
    let (_vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_GUARD_TYPE_VERSION), 2);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_GUARD_TYPE_VERSION), 1);
}

#[test]
fn type_version_fact_does_not_survive_an_escaping_uop() {
    let program = "class P:\n    def __init__(self):\n        self.x = 1\n        self.y = 2\n\
                   def f(p, n):\n    t = 0\n    for i in range(n):\n        t = p.x ** 1\n        t = p.y\n    return t\nf(P(), 5000)\n";
    let (_vm, trace) = trace_of(program);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_GUARD_TYPE_VERSION), 2, "the generic ** may run code that changes P");
}

#[test]
fn call_check_on_a_promoted_function_goes() {
    let program = "def g(x):\n    return x + 1\ndef f(n):\n    t = 0\n    for i in range(n):\n        t = g(t)\n    return t\nf(5000)\n";
    let (mut vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_CHECK_FUNCTION_EXACT_ARGS), 1);
    assert_eq!(count(&trace, Uop::_PUSH_FRAME), 1);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_CHECK_FUNCTION_EXACT_ARGS), 0);
    let g = global(&mut vm, "g");
    let version = g.downcast::<sidewinder_vm::objects::function::FunctionData>().unwrap().version.get();
    assert!(opt.dependencies.contains(&Dependency::FunctionVersion(version)));
    assert_eq!(count(&opt, Uop::_PUSH_FRAME), 1);
    assert_eq!(count(&opt, Uop::_POP_FRAME), 1);
}

#[test]
fn callee_arguments_carry_their_facts() {
    // t is a small int after `t < n`; in g, x is t: its guard goes, 1's too.
    let program = "def g(x):\n    return x + 1\ndef f(n):\n    t = 0\n    while t < n:\n        t = g(t)\n    return t\nf(5000)\n";
    let (_vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_GUARD_BOTH_INT), 2);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_GUARD_BOTH_INT), 1);
}

/// A trace of `uops` in the frames of a real trace (their targets are not used).
fn hand_trace(frames_from: &Trace, uops: &[(Uop, u32, u64)]) -> Trace {
    let mut trace = Trace {
        uops: Vec::new(),
        exits: Vec::new(),
        frames: frames_from.frames[..1].to_vec(),
        start_ip: frames_from.start_ip,
        closes_loop: false,
        dependencies: Vec::new(),
        constants: Vec::new(),
    };
    for &(uop, oparg, operand) in uops {
        let mut u = TraceUop::new(uop, oparg, operand, 0, 0);
        if uop.flags() & (uop_flags::EXIT | uop_flags::DEOPT) != 0 {
            u.exit = trace.add_exit(ExitSpec { target: 0, kind: ExitKind::Guard, frame: 0 });
        }
        trace.uops.push(u);
    }
    trace
}

#[test]
fn guard_that_must_fail_is_a_contradiction() {
    let program =
        "def f(a, b, n):\n    t = 0.0\n    for i in range(n):\n        t = a + b\n    return t\nf(1.5, 2.5, 5000)\n";
    let (_vm, trace) = trace_of(program);
    assert!(optimize(&mut trace.clone()).is_ok());
    // a + b as floats, then an int guard on a.
    let t = hand_trace(
        &trace,
        &[
            (Uop::LOAD_FAST, 0, 0),
            (Uop::LOAD_FAST, 1, 0),
            (Uop::_GUARD_BOTH_FLOAT, 0, 0),
            (Uop::_BINARY_OP_ADD_FLOAT, 0, 0),
            (Uop::LOAD_FAST, 0, 0),
            (Uop::_GUARD_BOTH_INT, 0, 0),
            (Uop::_EXIT_TRACE, 0, 0),
        ],
    );
    assert!(optimize(&mut t.clone()).is_err());
    // None is not a bool.
    let none = types().none.bits() as u64;
    let t =
        hand_trace(&trace, &[(Uop::_LOAD_CONST_INLINE, 0, none), (Uop::_TO_BOOL_BOOL, 0, 0), (Uop::_EXIT_TRACE, 0, 0)]);
    let err = optimize(&mut t.clone()).expect_err("a contradiction");
    assert!(err.0.contains("_TO_BOOL_BOOL"), "{}", err.0);
    // Without the float guard nothing is known about a: no contradiction.
    let t = hand_trace(
        &trace,
        &[(Uop::LOAD_FAST, 0, 0), (Uop::LOAD_FAST, 0, 0), (Uop::_GUARD_BOTH_INT, 0, 0), (Uop::_EXIT_TRACE, 0, 0)],
    );
    assert!(optimize(&mut t.clone()).is_ok());
}

#[test]
fn kind_guards_on_known_values_go() {
    let program =
        "def f(xs, n):\n    t = 0\n    for i in range(n):\n        t = xs[0] + xs[1]\n    return t\nf([1, 2], 5000)\n";
    let (_vm, trace) = trace_of(program);
    assert_eq!(count(&trace, Uop::_GUARD_LIST_INT), 2);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::_GUARD_LIST_INT), 1, "xs is a list and 1 a small int after the first");
}

/// Runs `program` with tier 2 on the uop interpreter, the optimizer on or off; returns
/// the global `result`'s repr.
fn run_with_tier2(program: &str, optimize: bool) -> String {
    let x_options = if optimize { vec![] } else { vec!["jit-opt=0".to_string()] };
    let mut vm = Vm::new(Options { jit: JitMode::Interp, x_options, ..Options::default() }, vec!["test".into()]);
    crate::install(&mut vm);
    let compiled = compile_module(program, "<test>").expect("compiles");
    vm.run_module_code(&compiled).expect("runs");
    let result = global(&mut vm, "result");
    let repr = sidewinder_vm::ops::repr(&mut vm, result).expect("repr");
    sidewinder_vm::objects::str::text_of(repr).to_string()
}

#[test]
fn optimized_traces_compute_the_same() {
    let program = "\
import math
K = 3
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
def g(a, b):
    return a * b - K
def f(n):
    acc = []
    t = 0
    u = 0.5
    p = P(2)
    for i in range(n):
        t = (t + g(i, K) + 6 * 7) % 1000003
        u = u * 1.0001 + math.pi
        if i % 1000 == 0:
            acc.append((t, len(acc), p.get() + p.x, u > 10.0))
    return acc, t, u
result = f(20000)
";
    let optimized = run_with_tier2(program, true);
    let stats = crate::state::with_stats(|s| s.clone());
    assert!(stats.traces_created > 0 && stats.uops_executed > 0, "{stats:?}");
    for pass in ["guard elimination", "global promotion", "constant folding", "set_ip and validity"] {
        assert!(stats.removed_by_pass.get(pass).is_some_and(|(uops, _)| *uops > 0), "{pass}: {stats:?}");
    }
    assert_eq!(optimized, run_with_tier2(program, false));
}

#[test]
fn cell_uops_change_locals_and_promote_no_cell_contents() {
    // n is a cell parameter: MAKE_CELL replaces its value by the cell in its slot. The
    // loop reads and writes cells; LOAD_DEREF's results stay guarded.
    let program = "def f(n):\n    t = 0\n    i = 0\n    get = lambda: n\n    while i < 3000:\n        n = n + 1\n        t = t + get()\n        i += 1\n    return t\nf(1)\n";
    let (_vm, trace) = trace_of(program);
    assert!(count(&trace, Uop::LOAD_DEREF) >= 2 && count(&trace, Uop::STORE_DEREF) == 1);
    let opt = optimized(&trace);
    assert_eq!(count(&opt, Uop::LOAD_DEREF), count(&trace, Uop::LOAD_DEREF));
    assert!(count(&opt, Uop::_LOAD_CONST_INLINE) == 0, "no cell contents become constants");
    // `n + 1` and `t + get()` both still guard their unknown operand.
    assert!(count(&opt, Uop::_GUARD_BOTH_INT) >= 2);
}
