//! The abstract interpretation that drives the rewriting passes: one walk over the
//! trace, uop by uop, keeping a symbol for every stack slot and local of every projected
//! frame (see `symbols`). At each uop it first offers the uop to the passes that may
//! rewrite it (global promotion, constant folding, guard elimination), then applies the
//! effect of whatever uop is left there to the abstract state.
//!
//! The effect of a uop comes from uops.toml: it pops its inputs and pushes its outputs
//! (`Uop::stack_effect`, `Uop::stack_items`); an output named like an input is that
//! input passed through (the same symbol), an output named `null` is NULL, and any other
//! output is unknown unless the table in `result_fact` says what the uop produces. Local
//! access, constants, frame pushes and pops (calls, and generators resumed and yielding),
//! and the facts a passed guard establishes are handled by name here.
//!
//! The walk is linear and starts from an unknown state, so it is correct for every
//! iteration of a closed loop. It ends at `_JUMP_TO_TOP` or `_EXIT_TRACE`, or earlier
//! (keeping the rewrites made so far) when the trace does not have the expected shape.

use std::collections::BTreeMap;

use sidewinder_vm::objects::kind::Kind;
use sidewinder_vm::opcodes::Uop;
use sidewinder_vm::StackRef;

use super::symbols::{fact_of_value, Fact, State, Stop, SymId};
use super::{folding, globals, guards, Contradiction};
use crate::ir::{Trace, TraceUop, NO_EXIT};

/// Uops and guards removed, by pass name.
pub type Counts = BTreeMap<&'static str, (u64, u64)>;

pub struct Analysis<'t> {
    pub trace: &'t mut Trace,
    pub state: State,
    pub counts: Counts,
    /// The globals dicts the trace stores into (not promoted from).
    pub written_globals: globals::Written,
    /// Callee locals prepared by `_INIT_CALL_PY_EXACT_ARGS` (or `_WITH_DEFAULTS`) for the
    /// next `_PUSH_FRAME`:
    /// None when where the arguments land is not known (self_or_null unknown).
    pending_call: Option<Option<Vec<SymId>>>,
}

impl<'t> Analysis<'t> {
    pub fn uop(&self, index: usize) -> TraceUop {
        self.trace.uops[index]
    }

    fn count(&mut self, pass: &'static str, uops: u64, guards: u64) {
        let entry = self.counts.entry(pass).or_default();
        entry.0 += uops;
        entry.1 += guards;
    }

    /// Deletes the uop at `index` (a NOP until the final compaction).
    pub fn remove(&mut self, index: usize, pass: &'static str) {
        let old = self.trace.uops[index];
        self.count(pass, 1, old.is_guard() as u64);
        self.trace.uops[index] = super::deleted(old);
    }

    /// Replaces the uop at `index` by one that cannot leave the trace.
    pub fn replace(&mut self, index: usize, uop: Uop, oparg: u32, operand: u64, pass: &'static str) {
        let old = self.trace.uops[index];
        let new = TraceUop { uop, oparg, operand, exit: NO_EXIT, expect_jump: false, ..old };
        self.count(pass, 0, (old.is_guard() && !new.is_guard()) as u64);
        self.trace.uops[index] = new;
    }

    /// Whether every uop strictly between `from` and `to`, except those in `except`,
    /// does nothing a deleted value could be observed by: no stack access, no exit, no
    /// error (`_SET_IP` and deleted uops).
    pub fn only_inert_between(&self, from: usize, to: usize, except: &[usize]) -> bool {
        (from + 1..to).all(|k| except.contains(&k) || matches!(self.trace.uops[k].uop, Uop::NOP | Uop::_SET_IP))
    }
}

/// Why the walk ends before the end of the trace.
pub enum Halt {
    /// The trace is not shaped as the analysis expects: keep the rewrites made so far.
    Stop,
    /// A guard must fail: the trace is dropped.
    Contradiction(String),
}

impl From<Stop> for Halt {
    fn from(_: Stop) -> Halt {
        Halt::Stop
    }
}

/// Runs the analysis and the rewriting passes over `trace`.
pub fn run(trace: &mut Trace) -> Result<Counts, Contradiction> {
    let root_locals = trace.frames[0].code.local_count();
    let state = State::new(trace.frames.len(), root_locals);
    let written_globals = globals::Written::of(trace);
    let mut a = Analysis { trace, state, counts: Counts::new(), written_globals, pending_call: None };
    let mut index = 0;
    while index < a.trace.uops.len() {
        if a.trace.uops[index].frame as usize != a.state.current {
            break;
        }
        match step(&mut a, index) {
            Ok(Some(next)) => index = next,
            Ok(None) | Err(Halt::Stop) => break,
            Err(Halt::Contradiction(reason)) => return Err(Contradiction(reason)),
        }
    }
    Ok(a.counts)
}

/// Analyzes the uop at `index`, rewriting it when a pass can. Returns the index of the
/// next uop to analyze, or None at the end of the trace.
fn step(a: &mut Analysis, index: usize) -> Result<Option<usize>, Halt> {
    let u = a.uop(index);
    // Rewrites that replace a group of uops and apply their effect themselves.
    let rewritten = match u.uop {
        Uop::_GUARD_GLOBALS_VERSION_PUSH_KEYS
        | Uop::_GUARD_GLOBALS_VERSION
        | Uop::_CHECK_ATTR_MODULE_PUSH_KEYS
        | Uop::_CHECK_ATTR_CLASS => globals::try_promote(a, index)?,
        Uop::_BINARY_OP_ADD_INT
        | Uop::_BINARY_OP_SUBTRACT_INT
        | Uop::_BINARY_OP_MULTIPLY_INT
        | Uop::_COMPARE_OP_INT => folding::try_fold(a, index)?,
        _ => None,
    };
    if let Some(next) = rewritten {
        return Ok(Some(next));
    }
    if u.is_guard() {
        guards::visit(a, index)?;
    }
    let u = a.uop(index);
    apply(a, index, &u)?;
    if u.escapes() {
        a.state.epoch += 1;
    }
    match u.uop {
        Uop::_JUMP_TO_TOP | Uop::_EXIT_TRACE => Ok(None),
        _ => Ok(Some(index + 1)),
    }
}

/// Applies the effect of `u` (at `index`) to the abstract state.
fn apply(a: &mut Analysis, index: usize, u: &TraceUop) -> Result<(), Stop> {
    let s = &mut a.state;
    match u.uop {
        Uop::NOP | Uop::_SET_IP | Uop::_CHECK_VALIDITY | Uop::_SAVE_RETURN_OFFSET => Ok(()),
        Uop::_JUMP_TO_TOP | Uop::_EXIT_TRACE => Ok(()),
        Uop::LOAD_FAST => {
            let id = s.local(u.oparg as usize);
            // It raises on an unbound local: past it, the value is there.
            s.learn_not_null(id);
            s.push(id);
            Ok(())
        }
        Uop::STORE_FAST => {
            let id = s.pop_n(1)?[0];
            s.set_local(u.oparg as usize, id);
            Ok(())
        }
        Uop::DELETE_FAST => {
            let id = s.fresh(Fact::Null);
            s.set_local(u.oparg as usize, id);
            Ok(())
        }
        Uop::MAKE_CELL => {
            // The local's value moves into a new cell, which replaces it.
            let cell = s.fresh(Fact::Kind(Kind::Cell));
            s.set_local(u.oparg as usize, cell);
            Ok(())
        }
        Uop::COPY_FREE_VARS => {
            let slots = a.trace.frames[u.frame as usize].code.local_count();
            for slot in slots.saturating_sub(u.oparg as usize)..slots {
                let cell = s.fresh(Fact::Kind(Kind::Cell));
                s.set_local(slot, cell);
            }
            Ok(())
        }
        Uop::LOAD_CLOSURE => {
            let id = s.local(u.oparg as usize);
            s.push(id);
            Ok(())
        }
        Uop::LOAD_DEREF | Uop::LOAD_CLASSDEREF => {
            // It raises on an empty cell: past it, the value is there (and nothing more
            // is known about it).
            let id = s.fresh(Fact::NotNull);
            s.push(id);
            Ok(())
        }
        Uop::STORE_DEREF => {
            // The contents change; the cell in the local stays the same object.
            s.pop_n(1)?;
            Ok(())
        }
        Uop::DELETE_DEREF => Ok(()),
        Uop::LOAD_CONST => {
            let value = a.trace.frames[u.frame as usize].code.constants[u.oparg as usize];
            let id = s.fresh(fact_of_value(value));
            s.sym_mut(id).producer = Some(index);
            s.push(id);
            Ok(())
        }
        Uop::_LOAD_CONST_INLINE | Uop::_POP_TOP_LOAD_CONST_INLINE => {
            if u.uop == Uop::_POP_TOP_LOAD_CONST_INLINE {
                s.pop_n(1)?;
            }
            let id = s.fresh(fact_of_value(StackRef::from_bits(u.operand as usize)));
            s.push(id);
            if u.oparg & 1 != 0 {
                let null = s.fresh(Fact::Null);
                s.push(null);
            } else if u.uop == Uop::_LOAD_CONST_INLINE {
                s.sym_mut(id).producer = Some(index);
            }
            Ok(())
        }
        Uop::COPY => {
            let id = s.peek(u.oparg as usize - 1)?;
            s.push(id);
            Ok(())
        }
        Uop::_LOAD_ATTR_METHOD => {
            // [owner] -> [method, owner]. The method (the operand) is not read here: it is
            // only alive while the type version guard before it holds.
            let owner = s.pop_n(1)?[0];
            let method = s.fresh(Fact::NotNull);
            s.push(method);
            s.push(owner);
            Ok(())
        }
        Uop::_INIT_CALL_PY_EXACT_ARGS | Uop::_INIT_CALL_PY_WITH_DEFAULTS => {
            // The arguments become the first locals; the defaults the push fills in
            // after them are unknown.
            let inputs = s.pop_n(u.oparg as usize + 2)?;
            let self_or_null = inputs[1];
            let args = &inputs[2..];
            a.pending_call = Some(match s.sym(self_or_null).is_null() {
                Some(true) => Some(args.to_vec()),
                Some(false) => Some(std::iter::once(self_or_null).chain(args.iter().copied()).collect()),
                None => None,
            });
            Ok(())
        }
        Uop::_INIT_CALL_PY_KW => {
            // Where keyword arguments land is the binding's business: unknown here.
            s.pop_n(u.oparg as usize + 3)?;
            a.pending_call = Some(None);
            Ok(())
        }
        Uop::_CREATE_INIT_FRAME => {
            // [__init__, self, args] leave the caller; the init-cleanup shim (the frame
            // the next `_PUSH_FRAME` runs in) holds self, and __init__ gets [self, args].
            let inputs = s.pop_n(u.oparg as usize + 2)?;
            let Some(push) = a.trace.uops.get(index + 1) else { return Err(Stop) };
            let shim = push.frame as usize;
            let frame = &a.trace.frames[shim];
            if push.uop != Uop::_PUSH_FRAME || frame.caller != Some(s.current as u8) || s.frames[shim].is_some() {
                return Err(Stop);
            }
            let self_id = inputs[1];
            s.learn_not_null(self_id);
            s.enter(shim, frame.code.local_count(), &[]);
            s.push(self_id);
            a.pending_call = Some(Some(inputs[1..].to_vec()));
            Ok(())
        }
        Uop::_PUSH_FRAME => {
            let Some(pending) = a.pending_call.take() else { return Err(Stop) };
            let Some(next) = a.trace.uops.get(index + 1) else { return Err(Stop) };
            let callee = next.frame as usize;
            let frame = &a.trace.frames[callee];
            if frame.caller != Some(s.current as u8) || s.frames[callee].is_some() {
                return Err(Stop);
            }
            let local_count = frame.code.local_count();
            s.enter(callee, local_count, &pending.unwrap_or_default());
            Ok(())
        }
        Uop::_PUSH_GEN_FRAME | Uop::_PUSH_NEXT_GEN_FRAME => {
            // [gen] (after `next` and NULL for `next(gen)`) stays on the caller's stack; the generator's frame, resumed after
            // the yield it was stopped at, has unknown locals and whatever its stack
            // held then, with None (the value sent) on top.
            s.peek(0)?;
            let Some(next) = a.trace.uops.get(index + 1) else { return Err(Stop) };
            let gen_frame = next.frame as usize;
            let frame = &a.trace.frames[gen_frame];
            if !frame.generator || frame.caller != Some(s.current as u8) || s.frames[gen_frame].is_some() {
                return Err(Stop);
            }
            s.enter_resumed(gen_frame, frame.code.local_count());
            let sent = s.fresh(fact_of_value(sidewinder_vm::runtime::types::none()));
            s.push(sent);
            Ok(())
        }
        // A return from an inlined call, or a yield from a generator the trace
        // resumed: the value goes to the caller's stack.
        Uop::_POP_FRAME | Uop::YIELD_VALUE => {
            let retval = s.pop_n(1)?[0];
            let Some(caller) = a.trace.frames[s.current].caller else { return Err(Stop) };
            if s.frames[caller as usize].is_none() {
                return Err(Stop);
            }
            let replaces = if u.uop == Uop::YIELD_VALUE { a.trace.frames[s.current].yield_replaces } else { 0 };
            s.current = caller as usize;
            s.pop_n(replaces as usize)?;
            s.push(retval);
            Ok(())
        }
        _ => {
            let outputs = generic(s, u)?;
            learn_from(s, u, &outputs);
            Ok(())
        }
    }
}

/// Item layout of a stack item list: (name, offset from the bottom, slots). None when
/// the sizes cannot be told apart (more than one array).
fn layout(items: &[&'static str], total: usize) -> Option<Vec<(&'static str, usize, usize)>> {
    let arrays = items.iter().filter(|n| n.ends_with("[]")).count();
    let scalars = items.len() - arrays;
    let array_len = match arrays {
        0 if total == scalars => 0,
        1 if total >= scalars => total - scalars,
        _ => return None,
    };
    let mut at = 0;
    let mut out = Vec::with_capacity(items.len());
    for name in items {
        let len = if name.ends_with("[]") { array_len } else { 1 };
        out.push((*name, at, len));
        at += len;
    }
    Some(out)
}

/// The uops.toml effect: pops the inputs, pushes the outputs (passed-through inputs
/// keep their symbol, `null` outputs are NULL, the rest unknown). Returns the symbols
/// pushed, bottom first.
fn generic(s: &mut State, u: &TraceUop) -> Result<Vec<SymId>, Stop> {
    let (popped, pushed) = u.uop.stack_effect(u.oparg);
    let (input_names, output_names) = u.uop.stack_items();
    let inputs = s.pop_n(popped)?;
    let input_layout = layout(input_names, popped);
    let mut outputs = Vec::with_capacity(pushed);
    match layout(output_names, pushed) {
        Some(items) => {
            for (name, _, len) in items {
                let passed = input_layout
                    .as_ref()
                    .and_then(|l| l.iter().find(|(n, _, l)| *n == name && *l == len))
                    .map(|(_, at, _)| *at);
                if let Some(at) = passed {
                    outputs.extend_from_slice(&inputs[at..at + len]);
                } else {
                    let fact = if name.trim_end_matches("[]") == "null" { Fact::Null } else { Fact::Unknown };
                    for _ in 0..len {
                        outputs.push(s.fresh(fact));
                    }
                }
            }
        }
        None => {
            for _ in 0..pushed {
                outputs.push(s.fresh(Fact::Unknown));
            }
        }
    }
    for id in &outputs {
        s.push(*id);
    }
    Ok(outputs)
}

/// The kind of the result (the first output) a uop always produces when execution goes
/// on past it. Checked against the bodies in vm/src/uops: the int ops deopt instead of
/// producing a big int, the float ops allocate floats, the comparisons and truth tests
/// return the bool singletons.
fn result_kind(uop: Uop) -> Option<Kind> {
    Some(match uop {
        Uop::_BINARY_OP_ADD_INT
        | Uop::_BINARY_OP_SUBTRACT_INT
        | Uop::_BINARY_OP_MULTIPLY_INT
        | Uop::_BINARY_OP_FLOOR_DIVIDE_INT
        | Uop::_BINARY_OP_REMAINDER_INT
        | Uop::_BINARY_OP_AND_INT
        | Uop::_BINARY_OP_OR_INT
        | Uop::_BINARY_OP_XOR_INT
        | Uop::_BINARY_OP_RSHIFT_INT
        | Uop::_BINARY_OP_LSHIFT_INT => Kind::SmallInt,
        Uop::_BINARY_OP_ADD_FLOAT
        | Uop::_BINARY_OP_SUBTRACT_FLOAT
        | Uop::_BINARY_OP_MULTIPLY_FLOAT
        | Uop::_BINARY_OP_TRUE_DIVIDE_FLOAT
        | Uop::_BINARY_OP_POWER_FLOAT
        | Uop::_BINARY_OP_TRUE_DIVIDE_NUMBERS => Kind::Float,
        Uop::_BINARY_OP_ADD_STR => Kind::Str,
        Uop::_COMPARE_OP_INT
        | Uop::_COMPARE_OP_FLOAT
        | Uop::_COMPARE_OP_STR
        | Uop::IS_OP
        | Uop::CONTAINS_OP
        | Uop::UNARY_NOT
        | Uop::TO_BOOL
        | Uop::_TO_BOOL_INT
        | Uop::_TO_BOOL_NONE
        | Uop::_TO_BOOL_LIST
        | Uop::_TO_BOOL_STR => Kind::Bool,
        Uop::BUILD_LIST => Kind::List,
        Uop::BUILD_TUPLE | Uop::LIST_TO_TUPLE => Kind::Tuple,
        Uop::BUILD_MAP => Kind::Dict,
        Uop::BUILD_SET => Kind::Set,
        Uop::BUILD_SLICE => Kind::Slice,
        Uop::MAKE_FUNCTION => Kind::Function,
        _ => return None,
    })
}

/// What a uop that went through (it did not deopt) tells about its outputs (what
/// passed guards tell about their inputs is learned in `guards::visit`). `outputs` are
/// the symbols it pushed, bottom first.
fn learn_from(s: &mut State, u: &TraceUop, outputs: &[SymId]) {
    if let (Some(kind), Some(&res)) = (result_kind(u.uop), outputs.first()) {
        s.learn_kind(res, kind);
    }
    if u.uop == Uop::_INIT_CALL_BOUND_METHOD_EXACT_ARGS && outputs.len() == u.oparg as usize + 2 {
        // The bound method's function (its guard checked it is one) and receiver.
        s.learn_kind(outputs[0], Kind::Function);
        s.learn_not_null(outputs[1]);
    }
}
