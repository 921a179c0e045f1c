//! Projection: turns the specialized bytecode from a start point into a straight-line
//! trace of uops, expanding each instruction through its uops.toml expansion.
//!
//! - Conditional jumps follow the direction their history bits favour; the other
//!   direction becomes an exit.
//! - Python calls specialized as CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS, CALL_KW_PY or
//!   CALL_BOUND_METHOD_EXACT_ARGS are followed into the callee, found through the
//!   function-by-version cache:
//!   `_SAVE_RETURN_OFFSET` records the return point, `_PUSH_FRAME` enters the callee,
//!   and its RETURN_VALUE becomes `_POP_FRAME`, after which projection continues in the
//!   caller. A recursive call (a callee already on the projected frame stack) and calls
//!   deeper than `MAX_INLINE_DEPTH` end the trace instead.
//! - Class calls specialized as CALL_ALLOC_AND_ENTER_INIT are followed the same way
//!   through two frames: the init-cleanup shim, then `__init__` (the code of the
//!   version `runtime::classes::init_function_version_for_type_version` names). The
//!   shim's EXIT_INIT_CHECK and RETURN_VALUE (`_POP_FRAME`) follow `__init__`'s return.
//! - `for x in gen()` specialized as FOR_ITER_GEN is followed into the generator's
//!   frame, found through the FOR_ITER's cache (the generator it last resumed: its
//!   function version and the yield it was stopped at): `_GUARD_GEN_RESUME` checks the
//!   generator, `_PUSH_GEN_FRAME` links its frame, projection goes on after that yield,
//!   through the generator's own loops, and its next YIELD_VALUE returns to the caller
//!   after the FOR_ITER. A generator that returns ends the trace (tier 1 ends the loop),
//!   and a loop in it that has an executor of its own ends the trace there.
//! - Projections that would be entered and left once per iteration for little work
//!   abort: a generator's own loop reaching its yield, and a root trace that ends in an
//!   exit before its loop closes with under `MIN_USEFUL_UOPS_OPEN_ROOT` uops of work.
//! - Each instruction starts with `_SET_IP`; after an escaping instruction the next one
//!   starts with `_CHECK_VALIDITY`.
//! - The trace closes with `_JUMP_TO_TOP` when it reaches the root loop's back edge.
//!   Otherwise it ends with `_EXIT_TRACE`: at an instruction it cannot trace, or at the
//!   length limit with an exit that continues in a further trace.

use sidewinder_vm::objects::code::CodeData;
use sidewinder_vm::opcodes::{op, uop_flags, Uop, INSTRUCTIONS, INSTRUCTION_UNITS};
use sidewinder_vm::runtime::call::{code_for_function_version, globals_for_function_version};
use sidewinder_vm::runtime::generators::recorded_for_iter_generator;
use sidewinder_vm::runtime::Vm;
use sidewinder_vm::StackRef;

use crate::ir::{ExitKind, ExitSpec, ProjectedFrame, Trace, TraceUop};

/// Most uops in one trace.
pub const MAX_TRACE_LENGTH: usize = 800;
/// Most instructions one projection reads (guards against jump-only cycles).
const MAX_INSTRUCTIONS: usize = 2000;
/// Most frames inlined below the root.
pub const MAX_INLINE_DEPTH: usize = 8;
/// Room kept for the uops of one instruction and the final exit.
const RESERVE: usize = 16;
/// A trace that ends with fewer uops of real work than this is not worth running.
const MIN_USEFUL_UOPS: usize = 3;
/// A root trace that ends in an exit, before its loop closes, is entered from tier 1
/// and left back to it on every iteration. Entering and leaving cost about as much as
/// tier 1 running this many uops' worth of instructions, so a shorter one is a loss.
const MIN_USEFUL_UOPS_OPEN_ROOT: usize = 24;

/// Where a projection starts.
pub struct Start {
    pub code_ref: StackRef,
    pub ip: usize,
    /// The globals the start frame runs with.
    pub globals: StackRef,
    pub builtins: StackRef,
    /// For a root trace: the code unit of the back edge that closes the loop.
    pub loop_back_edge: Option<usize>,
    /// For a side trace starting at a specialized Python call whose guard failed: the
    /// version of the function that call has now, which the side trace specializes for
    /// (tier 1's cache still holds the version the parent guarded).
    pub observed_callee_version: Option<u32>,
}

/// The function version a side trace starting at the VM's top frame should follow its
/// first instruction into, when that is a Python-call specialization: the version of
/// the callable on the stack, if that callable fits the specialization.
pub fn observed_callee_version(vm: &Vm) -> Option<u32> {
    use sidewinder_vm::objects::function::{BoundMethodData, FunctionData};
    use sidewinder_vm::uops::calls;
    let frame = vm.frame();
    let opcode = (frame.code.units.get(frame.ip)?.get() & 0xff) as u8;
    if !matches!(
        opcode,
        op::CALL_PY_EXACT_ARGS | op::CALL_PY_WITH_DEFAULTS | op::CALL_BOUND_METHOD_EXACT_ARGS | op::CALL_KW_PY
    ) {
        return None;
    }
    let oparg = full_oparg(frame.code, frame.ip)?;
    let sp = sidewinder_vm::value::StackPtr::new(frame.sp);
    if opcode == op::CALL_KW_PY {
        let version = sp.peek(oparg as usize + 2).downcast::<FunctionData>()?.version.get();
        return (version != 0).then_some(version);
    }
    let (callable, self_or_null) = (sp.peek(oparg as usize + 1), sp.peek(oparg as usize));
    let (func, self_or_null) = match opcode {
        op::CALL_BOUND_METHOD_EXACT_ARGS if calls::check_call_bound_method_exact_args(callable, self_or_null) => {
            let method = callable.downcast::<BoundMethodData>()?;
            (method.func, method.receiver)
        }
        op::CALL_BOUND_METHOD_EXACT_ARGS => return None,
        _ => (callable, self_or_null),
    };
    let version = func.downcast::<FunctionData>()?.version.get();
    let fits = if opcode == op::CALL_PY_WITH_DEFAULTS {
        calls::check_function_defaults_args(version as u64, oparg, func, self_or_null)
    } else {
        calls::check_function_exact_args(version as u64, oparg, func, self_or_null)
    };
    (fits && version != 0).then_some(version)
}

/// Where the root trace of the loop whose back edge (a JUMP_BACKWARD) is at `ip` of
/// `code_ref` starts, for the VM's top frame; with the back edge's full oparg.
pub fn loop_start(vm: &Vm, code_ref: StackRef, ip: usize) -> Option<(Start, u32)> {
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
        observed_callee_version: None,
    };
    Some((start, oparg))
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

/// Why a projection produced nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abort(pub String);

/// One decoded instruction.
struct Decoded {
    /// Where it starts, EXTENDED_ARG prefixes included: where tier 1 resumes.
    resume_ip: usize,
    /// The code unit of the opcode itself.
    ip: usize,
    opcode: u8,
    oparg: u32,
    next_ip: usize,
}

fn decode(code: &CodeData, at: usize) -> Decoded {
    let mut ip = at;
    let mut word = code.units[ip].get();
    let mut oparg = (word >> 8) as u32;
    while (word & 0xff) as u8 == op::EXTENDED_ARG {
        ip += 1;
        word = code.units[ip].get();
        oparg = (oparg << 8) | (word >> 8) as u32;
    }
    let opcode = (word & 0xff) as u8;
    Decoded { resume_ip: at, ip, opcode, oparg, next_ip: ip + INSTRUCTION_UNITS[opcode as usize] as usize }
}

/// The stack entries of `next(gen)`'s CALL that the generator's yield replaces.
const NEXT_CALL_ENTRIES: u8 = 3;

/// The ip of the one YIELD_VALUE of a generator's code, if it has exactly one.
fn sole_yield(code: &CodeData) -> Option<usize> {
    let mut found = None;
    let mut at = 0;
    while at < code.units.len() {
        let d = decode(code, at);
        if d.opcode == op::YIELD_VALUE {
            if found.is_some() {
                return None;
            }
            found = Some(d.ip);
        }
        at = d.next_ip;
    }
    found
}

fn read_cache(code: &CodeData, at: usize, units: usize) -> u64 {
    (0..units).fold(0u64, |value, i| value | (code.units[at + i].get() as u64) << (16 * i))
}

/// Whether the history bits of a conditional jump favour taking it.
fn likely_taken(history: u16) -> bool {
    history.count_ones() > 8
}

/// Special uops the uop interpreter runs; an instruction using any other special uop
/// ends the trace.
fn traceable_special(uop: Uop) -> bool {
    matches!(
        uop,
        Uop::RESUME
            | Uop::_INIT_CALL_PY_EXACT_ARGS
            | Uop::_INIT_CALL_PY_WITH_DEFAULTS
            | Uop::_INIT_CALL_PY_KW
            | Uop::_SAVE_RETURN_OFFSET
            | Uop::_PUSH_FRAME
            | Uop::_POP_FRAME
            | Uop::_CREATE_INIT_FRAME
    )
}

struct Projection {
    trace: Trace,
    /// The projected frame each level runs in, innermost last, with its return point.
    stack: Vec<(u8, usize)>,
    frame: u8,
    escaped: bool,
}

impl Projection {
    fn code(&self) -> &'static CodeData {
        self.trace.frames[self.frame as usize].code
    }

    fn emit(&mut self, uop: Uop, oparg: u32, operand: u64, target: usize) -> usize {
        self.trace.uops.push(TraceUop::new(uop, oparg, operand, target as u32, self.frame));
        self.trace.uops.len() - 1
    }

    fn emit_exit(&mut self, uop: Uop, target: usize, kind: ExitKind, at: usize) {
        let index = self.emit(uop, 0, 0, at);
        let exit = self.trace.add_exit(ExitSpec { target: target as u32, kind, frame: self.frame });
        self.trace.uops[index].exit = exit;
    }

    /// Ends the trace with an exit to `target`.
    fn end(&mut self, target: usize, kind: ExitKind) {
        self.emit_exit(Uop::_EXIT_TRACE, target, kind, target);
    }

    /// A guard at `at` that leaves to `target` (the instruction's start) when it fails.
    fn emit_exit_with(&mut self, uop: Uop, oparg: u32, operand: u64, at: usize, target: usize) {
        let index = self.emit(uop, oparg, operand, at);
        let exit = self.trace.add_exit(ExitSpec { target: target as u32, kind: ExitKind::Guard, frame: self.frame });
        self.trace.uops[index].exit = exit;
    }

    /// Whether projection is in a generator frame the trace resumed.
    fn in_generator(&self) -> bool {
        self.trace.frames[self.frame as usize].generator
    }

    /// Why the trace cannot enter `frames` more frames, the innermost running
    /// `code_ref`: its code is already on the projected frame stack (`recursion`), or
    /// they would go deeper than `MAX_INLINE_DEPTH` or past the frame index's range.
    fn cannot_enter(&self, code_ref: StackRef, frames: usize, recursion: &'static str) -> Option<&'static str> {
        if self.is_on_stack(code_ref) {
            Some(recursion)
        } else if self.stack.len() + frames > MAX_INLINE_DEPTH || self.trace.frames.len() + frames > u8::MAX as usize {
            Some("inlining too deep")
        } else {
            None
        }
    }

    /// Continues projection in a new frame running `code_ref` (the function `version`'s
    /// code; None for the init-cleanup shim), called from the current frame, which
    /// goes on at `return_ip` when it returns or yields.
    fn enter_frame(&mut self, code_ref: StackRef, version: Option<u32>, generator: bool, return_ip: usize) {
        let code = code_ref.downcast::<CodeData>().expect("frames run code objects");
        self.trace.frames.push(ProjectedFrame {
            code_ref,
            code,
            globals: version.and_then(globals_for_function_version),
            builtins: self.trace.frames[self.frame as usize].builtins,
            caller: Some(self.frame),
            function_version: version,
            generator,
            yield_replaces: 0,
        });
        self.stack.push((self.frame, return_ip));
        self.frame = (self.trace.frames.len() - 1) as u8;
    }

    /// Emits the guard and the frame link (`link`) of the instruction `d` that resumes
    /// a generator of function `version` stopped at `resume_at`, and enters its frame,
    /// whose yield replaces `yield_replaces` caller entries. Answers where projection
    /// goes on: after that yield (YIELD_VALUE and RETURN_GENERATOR are one unit long).
    fn enter_generator(
        &mut self,
        d: &Decoded,
        link: (Uop, Uop),
        code_ref: StackRef,
        version: u32,
        resume_at: usize,
        yield_replaces: u8,
    ) -> usize {
        let (guard, push) = link;
        self.emit(Uop::_SET_IP, 0, d.ip as u64, d.ip);
        self.emit_exit_with(guard, resume_at as u32, version as u64, d.ip, d.resume_ip);
        self.emit(push, d.oparg, 0, d.ip);
        self.enter_frame(code_ref, Some(version), true, d.next_ip);
        self.trace.frames[self.frame as usize].yield_replaces = yield_replaces;
        resume_at + 1
    }

    /// The code of the generator function of `version`, if the trace can enter a frame
    /// running it; else why not.
    fn generator_to_enter(&self, version: u32) -> Result<(StackRef, &'static CodeData), &'static str> {
        let code_ref = code_for_function_version(version).ok_or("generator unknown")?;
        if let Some(reason) = self.cannot_enter(code_ref, 1, "recursive generator") {
            return Err(reason);
        }
        Ok((code_ref, code_ref.downcast::<CodeData>().expect("the cache holds code objects")))
    }

    fn is_on_stack(&self, code_ref: StackRef) -> bool {
        self.trace.frames[self.frame as usize].code_ref == code_ref
            || self.stack.iter().any(|(f, _)| self.trace.frames[*f as usize].code_ref == code_ref)
    }
}

/// Projects a trace from `start`. Returns the trace, or why there is none.
pub fn project(start: &Start, max_length: usize) -> Result<Trace, Abort> {
    let code = start.code_ref.downcast::<CodeData>().ok_or_else(|| Abort("not a code object".into()))?;
    let root = ProjectedFrame {
        code_ref: start.code_ref,
        code,
        globals: Some(start.globals),
        builtins: Some(start.builtins),
        caller: None,
        function_version: None,
        generator: false,
        yield_replaces: 0,
    };
    let mut p = Projection {
        trace: Trace {
            uops: Vec::new(),
            exits: Vec::new(),
            frames: vec![root],
            start_ip: start.ip as u32,
            closes_loop: false,
            dependencies: Vec::new(),
            constants: Vec::new(),
        },
        stack: Vec::new(),
        frame: 0,
        escaped: false,
    };
    let loop_head = start.loop_back_edge.map(|_| start.ip);
    let max_length = max_length.clamp(RESERVE * 2, MAX_TRACE_LENGTH);
    let mut ip = start.ip;
    let mut instructions = 0;
    let ended_at: &'static str = loop {
        instructions += 1;
        let code = p.code();
        if ip >= code.units.len() {
            return Err(Abort("ran off the end of the code".into()));
        }
        let d = decode(code, ip);
        let info = &INSTRUCTIONS[d.opcode as usize];
        if p.trace.uops.len() + RESERVE > max_length || instructions > MAX_INSTRUCTIONS {
            p.end(d.resume_ip, ExitKind::LengthLimit);
            break "length limit";
        }
        // Jumps with one destination are followed without emitting anything.
        match d.opcode {
            op::JUMP_FORWARD => {
                ip = d.next_ip + d.oparg as usize;
                continue;
            }
            op::JUMP_BACKWARD_NO_INTERRUPT => {
                ip = d.next_ip - d.oparg as usize;
                continue;
            }
            op::NOP => {
                ip = d.next_ip;
                continue;
            }
            _ => {}
        }
        if p.escaped {
            p.emit_exit(Uop::_CHECK_VALIDITY, d.resume_ip, ExitKind::Validity, d.ip);
            p.escaped = false;
        }
        match d.opcode {
            op::ENTER_EXECUTOR if p.in_generator() => {
                // A loop inside a generator the trace resumed that has a trace of its
                // own: it runs many times between two yields (a loop that yields every
                // time gets no trace, see YIELD_VALUE below), so unrolling it here would
                // only fill this trace. Its own trace takes over from this exit.
                p.end(d.resume_ip, ExitKind::End);
                break "a generator's loop with its own trace";
            }
            op::JUMP_BACKWARD if p.in_generator() => {
                // Any other loop inside a generator the trace resumed: followed, like
                // the rest of the generator's body up to its next yield.
                ip = d.next_ip - d.oparg as usize;
                continue;
            }
            op::JUMP_BACKWARD => {
                let destination = d.next_ip - d.oparg as usize;
                if p.frame == 0 && Some(destination) == loop_head {
                    p.emit(Uop::_SET_IP, 0, d.ip as u64, d.ip);
                    p.emit(Uop::_JUMP_TO_TOP, 0, 0, d.ip);
                    p.trace.closes_loop = true;
                    break "loop closed";
                }
                p.end(d.resume_ip, ExitKind::End);
                break "inner loop";
            }
            op::RETURN_VALUE if p.in_generator() => {
                // The generator finishes: tier 1 ends the loop.
                p.end(d.resume_ip, ExitKind::End);
                break "generator return";
            }
            op::YIELD_VALUE if p.in_generator() => {
                let (caller, return_ip) = p.stack.pop().expect("a resumed generator has a caller");
                p.emit(Uop::_SET_IP, 0, d.ip as u64, d.ip);
                p.emit(Uop::YIELD_VALUE, d.oparg, 0, d.ip);
                p.frame = caller;
                ip = return_ip;
                continue;
            }
            op::FOR_ITER_GEN => {
                // Into the generator FOR_ITER_GEN last resumed here, at the yield it was
                // stopped at; `_GUARD_GEN_RESUME` checks it is that one.
                let Some((version, resume_at)) = recorded_for_iter_generator(code, d.ip) else {
                    p.end(d.resume_ip, ExitKind::End);
                    break "generator unknown";
                };
                let (gen_code_ref, gen_code) = match p.generator_to_enter(version) {
                    Ok(found) => found,
                    Err(reason) => {
                        p.end(d.resume_ip, ExitKind::End);
                        break reason;
                    }
                };
                let stopped_at = gen_code.units.get(resume_at).map(|u| (u.get() & 0xff) as u8);
                if !matches!(stopped_at, Some(op::YIELD_VALUE | op::RETURN_GENERATOR)) {
                    p.end(d.resume_ip, ExitKind::End);
                    break "generator unknown";
                }
                let link = (Uop::_GUARD_GEN_RESUME, Uop::_PUSH_GEN_FRAME);
                ip = p.enter_generator(&d, link, gen_code_ref, version, resume_at, 0);
                continue;
            }
            op::CALL_NEXT_GEN => {
                // Into the generator `next` resumed here last, when it has one yield.
                let version = sidewinder_vm::runtime::generators::recorded_next_generator(code, d.ip);
                let (gen_code_ref, gen_code) = match p.generator_to_enter(version) {
                    Ok(found) => found,
                    Err(reason) => {
                        p.end(d.resume_ip, ExitKind::End);
                        break reason;
                    }
                };
                let Some(resume_at) = sole_yield(gen_code) else {
                    p.end(d.resume_ip, ExitKind::End);
                    break "generator with several yields";
                };
                let link = (Uop::_GUARD_NEXT_GEN, Uop::_PUSH_NEXT_GEN_FRAME);
                ip = p.enter_generator(&d, link, gen_code_ref, version, resume_at, NEXT_CALL_ENTRIES);
                continue;
            }
            op::RETURN_VALUE => {
                let Some((caller, return_ip)) = p.stack.pop() else {
                    p.end(d.resume_ip, ExitKind::End);
                    break "return from the trace's frame";
                };
                p.emit(Uop::_SET_IP, 0, d.ip as u64, d.ip);
                p.emit(Uop::_POP_FRAME, 0, 0, d.ip);
                p.frame = caller;
                ip = return_ip;
                continue;
            }
            op::CALL_PY_EXACT_ARGS | op::CALL_PY_WITH_DEFAULTS | op::CALL_BOUND_METHOD_EXACT_ARGS | op::CALL_KW_PY => {
                let observed = start.observed_callee_version.filter(|_| instructions == 1);
                let version = observed.unwrap_or(read_cache(code, d.ip + 2, 2) as u32);
                let Some(callee_ref) = code_for_function_version(version) else {
                    p.end(d.resume_ip, ExitKind::End);
                    break "callee unknown";
                };
                if let Some(reason) = p.cannot_enter(callee_ref, 1, "recursive call") {
                    p.end(d.resume_ip, ExitKind::End);
                    break reason;
                }
                p.emit(Uop::_SET_IP, 0, d.ip as u64, d.ip);
                let first = p.trace.uops.len();
                emit_expansion(&mut p, &d);
                if observed.is_some() {
                    // The version guard checks the observed callee, not the cached one.
                    for u in &mut p.trace.uops[first..] {
                        if matches!(
                            u.uop,
                            Uop::_CHECK_FUNCTION_EXACT_ARGS
                                | Uop::_CHECK_FUNCTION_DEFAULTS_ARGS
                                | Uop::_CHECK_FUNCTION_VERSION_KW
                        ) {
                            u.operand = version as u64;
                        }
                    }
                }
                p.enter_frame(callee_ref, Some(version), false, d.next_ip);
                ip = 0;
                continue;
            }
            op::CALL_ALLOC_AND_ENTER_INIT => {
                // A class call: through the init-cleanup shim into __init__, whose
                // version the specializer recorded for the class's type version (the
                // cache operand). Two frames: the caller -> shim -> __init__.
                let type_version = read_cache(code, d.ip + 2, 2) as u32;
                let init = sidewinder_vm::runtime::classes::init_function_version_for_type_version(type_version)
                    .and_then(|version| Some((version, code_for_function_version(version)?)));
                let Some((version, init_ref)) = init else {
                    p.end(d.resume_ip, ExitKind::End);
                    break "__init__ unknown";
                };
                if let Some(reason) = p.cannot_enter(init_ref, 2, "recursive call") {
                    p.end(d.resume_ip, ExitKind::End);
                    break reason;
                }
                p.emit(Uop::_SET_IP, 0, d.ip as u64, d.ip);
                emit_expansion(&mut p, &d);
                p.enter_frame(sidewinder_vm::runtime::classes::init_cleanup_code(), None, false, d.next_ip);
                // `_CREATE_INIT_FRAME` leaves the caller and continues in the shim: the
                // `_PUSH_FRAME` that enters __init__ runs in the shim's frame, at the
                // shim's return point (0, its EXIT_INIT_CHECK).
                let shim_frame = p.frame;
                let push = p.trace.uops.last_mut().expect("the expansion ends in _PUSH_FRAME");
                debug_assert_eq!(push.uop, Uop::_PUSH_FRAME);
                push.frame = shim_frame;
                push.target = 0;
                p.enter_frame(init_ref, Some(version), false, 0);
                ip = 0;
                continue;
            }
            _ => {}
        }
        let unsupported =
            info.expansion.iter().any(|u| u.uop.flags() & uop_flags::SPECIAL != 0 && !traceable_special(u.uop));
        if unsupported {
            if d.opcode == op::YIELD_VALUE && p.frame == 0 {
                // A generator's own loop up to its yield: entering and leaving the trace
                // each item costs more than that stretch saves. A Python loop consuming
                // the generator traces into it instead (FOR_ITER_GEN above).
                return Err(Abort("stopped at a yield of the trace's frame".into()));
            }
            p.end(d.resume_ip, ExitKind::End);
            break info.name;
        }
        p.emit(Uop::_SET_IP, 0, d.ip as u64, d.ip);
        let (taken, continue_at) = emit_expansion(&mut p, &d);
        let _ = taken;
        ip = continue_at;
    };
    let work = p
        .trace
        .uops
        .iter()
        .filter(|u| !matches!(u.uop, Uop::_SET_IP | Uop::_CHECK_VALIDITY | Uop::_EXIT_TRACE))
        .count();
    if !p.trace.closes_loop && work < MIN_USEFUL_UOPS {
        return Err(Abort(format!("too short: stopped at {ended_at}")));
    }
    let ends_open = p
        .trace
        .uops
        .last()
        .is_some_and(|u| u.uop == Uop::_EXIT_TRACE && p.trace.exits[u.exit as usize].kind == ExitKind::End);
    if start.loop_back_edge.is_some() && ends_open && work < MIN_USEFUL_UOPS_OPEN_ROOT {
        return Err(Abort(format!("too short for a root trace: stopped at {ended_at}")));
    }
    Ok(p.trace)
}

/// Emits an instruction's uops. Returns whether a conditional jump is followed and
/// where projection continues.
fn emit_expansion(p: &mut Projection, d: &Decoded) -> (bool, usize) {
    let code = p.code();
    let info = &INSTRUCTIONS[d.opcode as usize];
    let jump_destination = d.next_ip + d.oparg as usize;
    // Conditional jumps: follow the likely direction.
    let history = if info.expansion.iter().any(|u| u.uop.flags() & uop_flags::JUMP != 0) && info.cache_units > 0 {
        code.units[d.ip + 1].get()
    } else {
        0
    };
    let is_conditional = info.name.starts_with("POP_JUMP_IF");
    let follow_jump = is_conditional && likely_taken(history);
    let mut continue_at = if follow_jump { jump_destination } else { d.next_ip };
    for u in info.expansion {
        let operand = if u.operand_units > 0 {
            read_cache(code, d.ip + 1 + u.operand_offset as usize, u.operand_units as usize)
        } else {
            0
        };
        let operand = if u.uop == Uop::_SAVE_RETURN_OFFSET { d.next_ip as u64 } else { operand };
        let index = p.emit(u.uop, d.oparg, operand, d.ip);
        let flags = u.uop.flags();
        let exit = if flags & uop_flags::JUMP != 0 {
            // The other direction: for FOR_ITER, the exhausted iterator's destination.
            let other = if is_conditional && follow_jump { d.next_ip } else { jump_destination };
            Some(ExitSpec { target: other as u32, kind: ExitKind::Branch, frame: p.frame })
        } else if flags & (uop_flags::EXIT | uop_flags::DEOPT) != 0 {
            Some(ExitSpec { target: d.resume_ip as u32, kind: ExitKind::Guard, frame: p.frame })
        } else {
            None
        };
        if let Some(exit) = exit {
            let exit_index = p.trace.add_exit(exit);
            let uop = &mut p.trace.uops[index];
            uop.exit = exit_index;
            uop.expect_jump = follow_jump;
        }
        if flags & uop_flags::ESCAPES != 0 {
            p.escaped = true;
        }
    }
    if !is_conditional {
        continue_at = d.next_ip;
    }
    (follow_jump, continue_at)
}
