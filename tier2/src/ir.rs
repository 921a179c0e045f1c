//! The uop IR of a trace: the uops the projector emits (with their operands and the
//! instruction each came from), the exits they may leave by, and the frames the trace
//! runs through. The optimizer rewrites it in place; the uop interpreter and the JIT
//! run it.

use sidewinder_vm::heap::Handle;
use sidewinder_vm::objects::code::CodeData;
use sidewinder_vm::opcodes::{uop_flags, Uop};
use sidewinder_vm::StackRef;

/// `TraceUop::exit` of a uop that cannot leave the trace.
pub const NO_EXIT: u16 = u16::MAX;

/// One uop of a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceUop {
    pub uop: Uop,
    pub oparg: u32,
    /// The cache entry the uop reads in tier 1 (a version, an index, a descriptor), or
    /// what the projector and optimizer put there: an ip, a constant's bits.
    pub operand: u64,
    /// Code unit of the instruction this uop belongs to, in the frame it runs in: the
    /// frame's `ip` when it raises.
    pub target: u32,
    /// Index into `Trace::exits` for a uop that can leave the trace, else `NO_EXIT`.
    pub exit: u16,
    /// For a conditional jump: whether the trace follows the jump (else the fall-through).
    pub expect_jump: bool,
    /// Index into `Trace::frames` of the (projected) frame the uop runs in.
    pub frame: u8,
}

impl TraceUop {
    pub fn new(uop: Uop, oparg: u32, operand: u64, target: u32, frame: u8) -> TraceUop {
        TraceUop { uop, oparg, operand, target, exit: NO_EXIT, expect_jump: false, frame }
    }

    pub fn has(&self, flag: u32) -> bool {
        self.uop.flags() & flag != 0
    }

    /// A guard: leaves the trace when its test fails.
    pub fn is_guard(&self) -> bool {
        self.has(uop_flags::EXIT | uop_flags::DEOPT) && !self.has(uop_flags::JUMP)
    }

    pub fn escapes(&self) -> bool {
        self.has(uop_flags::ESCAPES)
    }
}

/// Why a trace may be left at an exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// A guard or deopt failed: resume at the start of the instruction.
    Guard,
    /// A conditional jump (or an exhausted iterator) went the way the trace did not.
    Branch,
    /// A dependency changed (`_CHECK_VALIDITY`).
    Validity,
    /// The projection stopped at an instruction it cannot (or chose not to) trace.
    End,
    /// The trace reached the length limit: continue in a further trace right away.
    LengthLimit,
}

impl ExitKind {
    pub const COUNT: usize = 5;
    /// Every kind, in declaration order (`kind as usize` indexes it).
    pub const ALL: [ExitKind; ExitKind::COUNT] =
        [ExitKind::Guard, ExitKind::Branch, ExitKind::Validity, ExitKind::End, ExitKind::LengthLimit];

    pub fn name(self) -> &'static str {
        match self {
            ExitKind::Guard => "guard",
            ExitKind::Branch => "branch",
            ExitKind::Validity => "validity",
            ExitKind::End => "end",
            ExitKind::LengthLimit => "length limit",
        }
    }
}

/// Where an exit resumes tier 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitSpec {
    /// Code unit to resume at, in the frame on top when the exit is taken.
    pub target: u32,
    pub kind: ExitKind,
    /// Index into `Trace::frames` of that frame.
    pub frame: u8,
}

/// A frame the trace runs in: the root frame (index 0) and each inlined call.
#[derive(Clone)]
pub struct ProjectedFrame {
    pub code_ref: StackRef,
    pub code: &'static CodeData,
    /// The globals dict the code runs with, when known for certain.
    pub globals: Option<StackRef>,
    /// The builtins dict, when known for certain.
    pub builtins: Option<StackRef>,
    /// Index of the calling frame (None for the root).
    pub caller: Option<u8>,
    /// The function version the frame was entered through (None for the root).
    pub function_version: Option<u32>,
    /// A generator's frame the trace resumed (`_PUSH_GEN_FRAME` or
    /// `_PUSH_NEXT_GEN_FRAME`): its YIELD_VALUE goes back to the caller, which continues
    /// after its FOR_ITER or CALL.
    pub generator: bool,
    /// How many entries of the caller's stack the yielded value replaces: none for a
    /// FOR_ITER (the value goes above the iterator), three for `next(gen)`'s CALL.
    pub yield_replaces: u8,
}

/// Something an optimized trace relies on: a change to it invalidates the executor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dependency {
    /// A globals or builtins dict whose values were promoted to constants.
    Dict(StackRef),
    /// A type whose version the trace assumes.
    Type(StackRef),
    /// A function version whose code was inlined.
    FunctionVersion(u32),
}

/// A projected (and possibly optimized) trace.
#[derive(Clone)]
pub struct Trace {
    pub uops: Vec<TraceUop>,
    pub exits: Vec<ExitSpec>,
    pub frames: Vec<ProjectedFrame>,
    /// The code unit the trace starts at, in the root frame.
    pub start_ip: u32,
    /// Whether the trace ends in `_JUMP_TO_TOP`.
    pub closes_loop: bool,
    /// What the optimized trace relies on: a change to one invalidates the executor.
    pub dependencies: Vec<Dependency>,
    /// Objects the trace refers to as inline constants, kept alive by the executor.
    pub constants: Vec<Handle>,
}

impl Trace {
    /// Adds an exit and returns its index.
    pub fn add_exit(&mut self, exit: ExitSpec) -> u16 {
        self.exits.push(exit);
        (self.exits.len() - 1) as u16
    }

    pub fn add_dependency(&mut self, dependency: Dependency) {
        if !self.dependencies.contains(&dependency) {
            self.dependencies.push(dependency);
        }
    }

    /// How many guards the trace has (for stats and for comparing optimization levels).
    pub fn guard_count(&self) -> usize {
        self.uops.iter().filter(|u| u.is_guard()).count()
    }
}
