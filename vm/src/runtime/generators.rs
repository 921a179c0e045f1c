//! Generator frames. The operations every tier shares to make a generator
//! (RETURN_GENERATOR), link its frame on top of the running frames (FOR_ITER_GEN,
//! SEND_GEN, or Rust), unlink it at a yield (YIELD_VALUE) and finish it (a return or
//! an exception); and driving generators from Rust: `send`, `throw`, `close`, the
//! iterator protocol, and closing the ones the collector found unreachable.
//!
//! A suspended generator's storage holds counted references, a running one's holds
//! the frame stack's uncounted ones: resuming drops the counts, suspending takes them.
//!
//! Each generator frame has its own handled exception, as in CPython: resuming makes
//! the generator's current (NULL when it handles none) and remembers the caller's in
//! the frame; stopping saves the generator's and restores the caller's.
//! [`Vm::topmost_handled`] looks through the chain, as `sys.exc_info()` does.

use std::cell::Cell;

use crate::compiler::code::code_flags;
use crate::heap::{self, Handle};
use crate::objects::code::CodeData;
use crate::objects::function::{BuiltinFunctionData, FunctionData};
use crate::objects::generator::{GenFlavor, GenState, GeneratorData};
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::opcodes::{op, INSTRUCTION_UNITS};
use crate::runtime::errors::{type_error, ExcType, PyErr};
use crate::runtime::exc_state;
use crate::runtime::frame::{Frame, Resumer};
use crate::runtime::types::{none, type_name_of, types};
use crate::runtime::{Vm, STACK_SLACK};
use crate::value::{StackPtr, StackRef};
use crate::PyResult;

/// FOR_ITER's cache entries past its counter: the version of the function whose
/// generator FOR_ITER_GEN last resumed (two units), then the YIELD_VALUE (or
/// RETURN_GENERATOR) that generator was stopped at. Tier 2 projects the loop through
/// that generator's frame from there; `NO_RESUME_IP` when the ip does not fit.
const FOR_ITER_GEN_VERSION_OFFSET: usize = 2;
const FOR_ITER_GEN_RESUME_IP_OFFSET: usize = 4;
const NO_RESUME_IP: u16 = u16::MAX;
/// CALL's cache entry past its counter that CALL_NEXT_GEN fills: the version of the
/// function whose generator it last resumed (two units).
const CALL_GEN_VERSION_OFFSET: usize = 2;

/// Code units from the FOR_ITER or SEND that resumed a generator to the instruction
/// after it, where the caller goes on when the generator yields.
fn resume_after_yield_units(resumer: Resumer) -> usize {
    match resumer {
        Resumer::ForIter => INSTRUCTION_UNITS[op::FOR_ITER as usize] as usize,
        Resumer::Send => INSTRUCTION_UNITS[op::SEND as usize] as usize,
        Resumer::Next => INSTRUCTION_UNITS[op::CALL as usize] as usize,
        Resumer::Rust => 0,
    }
}

/// Takes the counts of a suspended generator's references, if it does not hold them.
fn count_slots(gen: &GeneratorData) {
    if !gen.slots_counted.replace(true) {
        for slot in gen.live_slots() {
            heap::incref(slot.get());
        }
    }
}

/// The stack entries of `next(gen)`'s CALL: `next`, NULL and the generator.
const NEXT_CALL_ENTRIES: usize = 3;

/// Whether the CALL below `callable`, `self_or_null` and `oparg` arguments is
/// `next(gen)` with the builtin `next` and one argument (CALL_NEXT_GEN's condition
/// besides the generator's own).
#[inline]
pub fn is_builtin_next_call(callable: StackRef, self_or_null: StackRef, oparg: u32) -> bool {
    oparg == 1
        && self_or_null.is_null()
        && callable.downcast::<BuiltinFunctionData>().is_some_and(|f| f.owner.is_null() && f.name == "next")
}

/// Records in the cache of the CALL_NEXT_GEN at `call_ip` of `code` the version of the
/// function of the generator it is about to resume, for the projector.
pub fn record_next_generator(code: &CodeData, call_ip: usize, gen_ref: StackRef) {
    let Some(gen) = generator_data(gen_ref) else { return };
    let version = gen.func.downcast::<FunctionData>().map_or(0, |f| f.version.get());
    let units = &code.units[call_ip + CALL_GEN_VERSION_OFFSET..];
    units[0].set(version as u16);
    units[1].set((version >> 16) as u16);
}

/// The function version CALL_NEXT_GEN at `call_ip` last recorded (0: none).
pub fn recorded_next_generator(code: &CodeData, call_ip: usize) -> u32 {
    let units = &code.units[call_ip + CALL_GEN_VERSION_OFFSET..];
    units[0].get() as u32 | (units[1].get() as u32) << 16
}

/// Records in the cache of the FOR_ITER at `for_iter_ip` of `code` which generator it
/// is about to resume (its function's version and the instruction it is stopped at),
/// for the projector.
pub fn record_for_iter_generator(code: &CodeData, for_iter_ip: usize, gen_ref: StackRef) {
    let Some(gen) = generator_data(gen_ref) else { return };
    let version = gen.func.downcast::<FunctionData>().map_or(0, |f| f.version.get());
    let units = &code.units[for_iter_ip + FOR_ITER_GEN_VERSION_OFFSET..];
    units[0].set(version as u16);
    units[1].set((version >> 16) as u16);
    let ip = u16::try_from(gen.ip.get()).ok().filter(|&ip| ip != NO_RESUME_IP).unwrap_or(NO_RESUME_IP);
    code.units[for_iter_ip + FOR_ITER_GEN_RESUME_IP_OFFSET].set(ip);
}

/// What the cache of the FOR_ITER at `for_iter_ip` recorded: the function version and
/// the resume ip of the generator it last resumed inline.
pub fn recorded_for_iter_generator(code: &CodeData, for_iter_ip: usize) -> Option<(u32, usize)> {
    let units = &code.units[for_iter_ip + FOR_ITER_GEN_VERSION_OFFSET..];
    let version = units[0].get() as u32 | (units[1].get() as u32) << 16;
    let ip = code.units[for_iter_ip + FOR_ITER_GEN_RESUME_IP_OFFSET].get();
    (version != 0 && ip != NO_RESUME_IP).then_some((version, ip as usize))
}

/// Whether `gen_ref` is the generator a trace projected through: a plain generator
/// FOR_ITER can resume inline, made by a function of `version` (which fixes its code
/// and globals), stopped at `resume_ip`.
#[inline]
pub fn is_expected_generator(gen_ref: StackRef, version: u32, resume_ip: usize) -> bool {
    let Some(g) = generator_data(gen_ref) else { return false };
    g.flavor == GenFlavor::Generator
        && g.ip.get() == resume_ip
        && matches!(g.state.get(), GenState::Suspended | GenState::Created)
        && g.func.downcast::<FunctionData>().is_some_and(|f| f.version.get() == version)
}

/// Where the frame below goes on after the top frame returned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Returned {
    /// The frame was an entry frame: the value goes back to the Rust caller.
    ToRust,
    /// The caller continues at its `ip`; `push` says whether the value goes onto its
    /// stack (a generator's return value ends a `for` loop without being pushed).
    ToCaller { push: bool },
    /// A generator that `next(gen)` resumed returned: the caller raises StopIteration
    /// (carrying the value unless it is None, see `stop_iteration`) at its `ip`.
    StopIterationToCaller,
}

/// What a generator did when Rust code resumed it.
pub enum Resumed {
    Yielded(StackRef),
    Returned(StackRef),
}

/// The generator payload of a value, if it is a generator, coroutine or async generator.
pub fn generator_data(v: StackRef) -> Option<&'static GeneratorData> {
    v.downcast::<GeneratorData>()
}

/// Whether `v` is a plain generator (what FOR_ITER_GEN runs inline).
pub fn is_plain_generator(v: StackRef) -> bool {
    v.kind() == Kind::Generator && generator_data(v).is_some_and(|g| g.flavor == GenFlavor::Generator)
}

/// Whether FOR_ITER (`for_iter`) or SEND can link the frame of `gen` in the running
/// loop: a generator (for SEND, or a coroutine) that is created or suspended, not sent
/// a value before it started. Everything else takes the path that raises or calls.
#[inline]
pub fn can_resume_inline(gen: StackRef, sent: StackRef, for_iter: bool) -> bool {
    let Some(g) = generator_data(gen) else { return false };
    let flavor_ok = match g.flavor {
        GenFlavor::Generator => true,
        GenFlavor::Coroutine => !for_iter,
        GenFlavor::AsyncGenerator => false,
    };
    flavor_ok
        && match g.state.get() {
            GenState::Suspended => true,
            GenState::Created => sent == none(),
            GenState::Running | GenState::Completed => false,
        }
}

/// The flavor a code object's calls make, if it is a generator function.
pub fn flavor_of_code_flags(flags: u32) -> Option<GenFlavor> {
    if flags & code_flags::ASYNC_GENERATOR != 0 {
        Some(GenFlavor::AsyncGenerator)
    } else if flags & code_flags::COROUTINE != 0 {
        Some(GenFlavor::Coroutine)
    } else if flags & code_flags::GENERATOR != 0 {
        Some(GenFlavor::Generator)
    } else {
        None
    }
}

impl Vm {
    /// RETURN_GENERATOR: a new generator owning a copy of the top frame's locals (a
    /// generator function's frame, its arguments bound and its cells made), stopped at
    /// the RETURN_GENERATOR at `ip`. The frame itself is then returned from as usual.
    pub fn make_generator(&mut self, ip: usize) -> StackRef {
        let frame = self.frames.last().expect("a generator function's frame");
        let code = frame.code;
        let nlocals = code.local_count();
        let locals = frame.local_values();
        let size = nlocals + code.stack_size as usize + STACK_SLACK;
        let storage: Box<[Cell<StackRef>]> = (0..size)
            .map(|i| {
                let v = if i < nlocals { locals[i] } else { StackRef::NULL };
                heap::incref(v);
                Cell::new(v)
            })
            .collect();
        let flavor = flavor_of_code_flags(code.flags).expect("RETURN_GENERATOR in a generator function");
        let func = frame.func.downcast::<FunctionData>().expect("a generator function");
        let (name, qualname) = (func.name.get(), func.qualname.get());
        for v in [frame.func, frame.globals, frame.builtins, name, qualname] {
            heap::incref(v);
        }
        let t = types();
        let ty = match flavor {
            GenFlavor::Generator => t.generator,
            GenFlavor::Coroutine => t.coroutine,
            GenFlavor::AsyncGenerator => t.async_generator,
        };
        heap::alloc(
            ty,
            GeneratorData {
                flavor,
                code: frame.code_ref,
                func: frame.func,
                globals: frame.globals,
                builtins: frame.builtins,
                name: Cell::new(name),
                qualname: Cell::new(qualname),
                state: Cell::new(GenState::Created),
                ip: Cell::new(ip),
                stack_depth: Cell::new(0),
                storage,
                exc_state: Cell::new(StackRef::NULL),
                finalized: Cell::new(false),
                running_async: Cell::new(false),
                closed: Cell::new(false),
                frame_object: Cell::new(StackRef::NULL),
                slots_counted: Cell::new(true),
                awaiting_count: Cell::new(false),
            },
        )
    }

    /// Counts the references of every generator suspended with uncounted ones (see
    /// `GeneratorData::slots_counted`). Runs before every collection: the collector then
    /// sees them as any object's counted references. A generator running meanwhile has
    /// its references in a frame, a root; it is listed again when it next suspends.
    pub(crate) fn count_suspended_generators(&mut self) {
        for gen_ref in std::mem::take(&mut self.uncounted_generators) {
            let gen = generator_data(gen_ref).expect("a generator");
            gen.awaiting_count.set(false);
            if gen.state.get() == GenState::Suspended {
                count_slots(gen);
            }
        }
    }

    /// Links the frame of `gen` (created or suspended, which the caller checked) on
    /// top of the frames, with `sent` pushed as the value of the yield it stopped at.
    /// The resumer's own state (its stack pointer, ip and return point) is the
    /// resumer's to save.
    pub fn push_generator_frame(&mut self, gen_ref: StackRef, sent: StackRef, resumer: Resumer) -> PyResult<()> {
        self.check_frame_room()?;
        let gen = generator_data(gen_ref).expect("a generator");
        debug_assert!(matches!(gen.state.get(), GenState::Created | GenState::Suspended));
        // The frame's references are uncounted: release the counts, if they were taken.
        if gen.slots_counted.replace(false) {
            for slot in gen.live_slots() {
                heap::decref(slot.get());
            }
        }
        let code = gen.code_data();
        let localsplus = gen.storage_ptr();
        let stack_base = localsplus.wrapping_add(code.local_count());
        let mut sp = StackPtr::new(stack_base.wrapping_add(gen.stack_depth.get()));
        sp.push(sent);
        let caller_exc = exc_state::handled_raw();
        let own = gen.exc_state.replace(StackRef::NULL);
        // Neither handles an exception (the common case): nothing changes hands.
        if !(own.is_null() && caller_exc.is_null()) {
            exc_state::set_handled_raw(own);
            heap::decref(own);
        }
        // Both RETURN_GENERATOR and YIELD_VALUE are one unit long.
        debug_assert_eq!(INSTRUCTION_UNITS[op::YIELD_VALUE as usize], 1);
        debug_assert_eq!(INSTRUCTION_UNITS[op::RETURN_GENERATOR as usize], 1);
        self.frames.push(Frame {
            code,
            code_ref: gen.code,
            func: gen.func,
            globals: gen.globals,
            builtins: gen.builtins,
            locals_dict: StackRef::NULL,
            localsplus,
            stack_base,
            sp: sp.raw(),
            ip: gen.ip.get() + 1,
            return_ip: 0,
            entry: resumer == Resumer::Rust,
            data_base: self.data_top,
            generator: gen_ref,
            resumer,
            caller_exc,
        });
        gen.state.set(GenState::Running);
        Ok(())
    }

    /// YIELD_VALUE: the top frame, a generator's, stops at the YIELD_VALUE at
    /// `yield_ip`, with its stack ending at `sp` (the yielded value already taken off).
    /// The caller of a FOR_ITER or SEND goes on after that instruction.
    pub fn suspend_generator_frame(&mut self, sp: StackPtr, yield_ip: usize) -> Returned {
        let frame = self.frames.pop().expect("a generator frame");
        self.data_top = frame.data_base;
        let gen = generator_data(frame.generator).expect("YIELD_VALUE in a generator frame");
        gen.stack_depth.set(sp.depth_from(StackPtr::new(frame.stack_base)));
        gen.ip.set(yield_ip);
        // The references stay uncounted until the next collection counts them.
        if !gen.awaiting_count.replace(true) {
            self.uncounted_generators.push(frame.generator);
        }
        save_generator_exc(gen, frame.caller_exc);
        gen.state.set(GenState::Suspended);
        match frame.resumer {
            Resumer::Rust => Returned::ToRust,
            Resumer::ForIter | Resumer::Send => {
                self.frames.last_mut().expect("the resumer's frame").ip += resume_after_yield_units(frame.resumer);
                Returned::ToCaller { push: true }
            }
            Resumer::Next => {
                let caller = self.frames.last_mut().expect("the resumer's frame");
                caller.ip += resume_after_yield_units(frame.resumer);
                let mut caller_sp = caller.stack();
                caller_sp.drop_n(NEXT_CALL_ENTRIES);
                caller.sp = caller_sp.raw();
                Returned::ToCaller { push: true }
            }
        }
    }

    /// Pops the top frame when it returns: the caller (unless the frame was an entry
    /// frame) goes on at its return point. Every tier returns through this.
    pub fn return_from_frame(&mut self) -> Returned {
        let (entry, resumer, generator) = {
            let top = self.frames.last().expect("a frame to return from");
            (top.entry, top.resumer, !top.generator.is_null())
        };
        self.pop_frame();
        if entry {
            return Returned::ToRust;
        }
        let caller = self.frames.last_mut().expect("a caller frame");
        caller.ip = caller.return_ip;
        if !generator {
            return Returned::ToCaller { push: true };
        }
        if resumer == Resumer::Next {
            // The CALL raises; its entries stay for the unwinding to clear.
            return Returned::StopIterationToCaller;
        }
        // The iterator or receiver on the caller's stack is done with.
        let mut sp = caller.stack();
        sp.drop_n(1);
        caller.sp = sp.raw();
        Returned::ToCaller { push: resumer == Resumer::Send }
    }

    /// A generator frame is popped for good (it returned or raised): the generator is
    /// completed and its storage let go (the references in it were the frame's, so
    /// uncounted).
    pub(crate) fn finish_generator_frame(&mut self, frame: &Frame) {
        let gen = generator_data(frame.generator).expect("a generator frame");
        crate::runtime::frame_objects::generator_finishing(gen, frame);
        for slot in gen.storage.iter() {
            slot.set(StackRef::NULL);
        }
        gen.stack_depth.set(0);
        save_generator_exc(gen, frame.caller_exc);
        let own = gen.exc_state.replace(StackRef::NULL);
        heap::decref(own);
        gen.state.set(GenState::Completed);
    }

    /// The exception that leaves a generator frame in place of `err`: a StopIteration
    /// (or, from an async generator, a StopAsyncIteration) escaping its body becomes
    /// RuntimeError, as PEP 479 says, with the original as its cause.
    pub(crate) fn exception_leaving_generator(&mut self, gen_ref: StackRef, err: PyErr) -> PyErr {
        let gen = generator_data(gen_ref).expect("a generator frame");
        let noun = gen.flavor.noun();
        let message = if err.matches(ExcType::StopIteration) {
            format!("{noun} raised StopIteration")
        } else if gen.flavor == GenFlavor::AsyncGenerator && err.matches(ExcType::StopAsyncIteration) {
            format!("{noun} raised StopAsyncIteration")
        } else {
            return err;
        };
        let replacement = PyErr::new(ExcType::RuntimeError, message);
        let exc = replacement.exception().downcast::<crate::objects::exception::ExceptionData>().expect("an exception");
        heap::replace(&exc.cause, err.exception());
        heap::replace(&exc.context, err.exception());
        exc.suppress_context.set(true);
        replacement
    }

    /// The exception being handled, as `sys.exc_info()` and a bare `raise` see it: the
    /// running frame's, or when it handles none, the nearest one its resumers had.
    pub fn topmost_handled(&self) -> StackRef {
        let current = exc_state::handled_raw();
        if !current.is_null() && current != none() {
            return current;
        }
        for frame in self.frames.iter().rev() {
            if frame.generator.is_null() {
                continue;
            }
            let exc = frame.caller_exc;
            if !exc.is_null() && exc != none() {
                return exc;
            }
        }
        none()
    }

    // ------------------------------------------------------------ driving from Rust

    /// Resumes `gen` from Rust with `sent`, or with `thrown` raised at the point where
    /// it stopped, and runs it until it yields, returns or raises.
    pub fn resume_generator(&mut self, gen_ref: StackRef, sent: StackRef, thrown: Option<PyErr>) -> PyResult<Resumed> {
        let gen = generator_data(gen_ref).expect("a generator");
        match gen.state.get() {
            GenState::Running => {
                return Err(PyErr::new(ExcType::ValueError, format!("{} already executing", gen.flavor.noun())))
            }
            GenState::Completed => {
                if let Some(e) = thrown {
                    return Err(e);
                }
                return match gen.flavor {
                    // An exhausted generator returns None again.
                    GenFlavor::Generator => Ok(Resumed::Returned(none())),
                    _ => Err(exhausted_error(gen)),
                };
            }
            GenState::Created if thrown.is_none() && sent != none() && !sent.is_null() => {
                return Err(type_error(format!("can't send non-None value to a just-started {}", gen.flavor.noun())));
            }
            _ => {}
        }
        let _keep = Handle::new(gen_ref);
        self.push_generator_frame(gen_ref, if sent.is_null() { none() } else { sent }, Resumer::Rust)?;
        let result = match thrown {
            None => self.run_top_frame(),
            Some(e) => {
                // Raised at the instruction the frame stopped at, where its handlers
                // and its traceback line are.
                let top = self.frames.last_mut().expect("the generator's frame");
                top.ip -= 1;
                top.sp = StackPtr::new(top.sp).raw().wrapping_sub(1);
                top.entry = true;
                crate::tier1::eval::run_raising(self, e)
            }
        };
        let v = result?;
        Ok(if gen.state.get() == GenState::Completed { Resumed::Returned(v) } else { Resumed::Yielded(v) })
    }

    /// `gen.send(value)`: the yielded value, or StopIteration(return value).
    pub fn generator_send(&mut self, gen_ref: StackRef, value: StackRef) -> PyResult<StackRef> {
        match self.resume_generator(gen_ref, value, None)? {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(v) => Err(self.return_as_exception(gen_ref, v)),
        }
    }

    /// `next(gen)` for the iterator protocol: `None` when it is exhausted.
    pub fn generator_next(&mut self, gen_ref: StackRef) -> PyResult<Option<StackRef>> {
        let gen = generator_data(gen_ref).expect("a generator");
        if gen.state.get() == GenState::Completed {
            return Ok(None);
        }
        match self.resume_generator(gen_ref, none(), None)? {
            Resumed::Yielded(v) => Ok(Some(v)),
            Resumed::Returned(_) => Ok(None),
        }
    }

    /// SEND's call, for a receiver whose frame is not linked inline: a generator in a
    /// state that makes resuming it raise, or any other iterator, sent `v` through
    /// `__next__` (for None) or `send`. Their StopIteration is the return value.
    pub fn send_to_iterator(&mut self, receiver: StackRef, v: StackRef) -> PyResult<Resumed> {
        if generator_data(receiver).is_some() {
            return self.resume_generator(receiver, v, None);
        }
        let result = if let Some(r) = self.send_to_awaitable(receiver, v) {
            r
        } else if v == none() {
            if crate::ops::is_builtin_iterator(receiver) {
                return Ok(match crate::ops::next(self, receiver)? {
                    Some(item) => Resumed::Yielded(item),
                    None => Resumed::Returned(none()),
                });
            }
            self.call_method(receiver, "__next__", &[])
        } else {
            self.call_method(receiver, "send", &[v])
        };
        match result {
            Ok(item) => Ok(Resumed::Yielded(item)),
            Err(e) if e.matches(ExcType::StopIteration) => {
                Ok(Resumed::Returned(self.get_attr_str(e.exception(), "value")?))
            }
            Err(e) => Err(e),
        }
    }

    /// The exception that stands for a generator's return value: StopIteration(value)
    /// (no argument for None), or StopAsyncIteration for an async generator.
    fn return_as_exception(&mut self, gen_ref: StackRef, value: StackRef) -> PyErr {
        let gen = generator_data(gen_ref).expect("a generator");
        if gen.flavor == GenFlavor::AsyncGenerator {
            return PyErr::bare(ExcType::StopAsyncIteration);
        }
        if value == none() {
            PyErr::bare(ExcType::StopIteration)
        } else {
            PyErr::with_args(ExcType::StopIteration, &[value])
        }
    }

    /// The iterator a suspended generator is delegating to (`yield from`, `await`).
    pub fn generator_yieldfrom(&self, gen_ref: StackRef) -> Option<StackRef> {
        let gen = generator_data(gen_ref)?;
        if gen.state.get() != GenState::Suspended {
            return None;
        }
        let units = &gen.code_data().units;
        let yield_oparg = units[gen.ip.get()].get() >> 8;
        if yield_oparg == 0 {
            return None;
        }
        gen.stack_top()
    }

    /// `gen.throw(exc)`: throws into the iterator it delegates to first, as CPython
    /// 3.11 does; the value the generator yields next, or the exception it raises.
    pub fn generator_throw(&mut self, gen_ref: StackRef, err: PyErr) -> PyResult<StackRef> {
        self.generator_throw_ex(gen_ref, err, true)
    }

    /// `generator_throw`; with `close_on_exit` false a GeneratorExit is thrown into the
    /// delegate like any exception instead of closing it (as an async generator's
    /// `athrow`/`aclose` do, CPython's `close_on_genexit`).
    pub fn generator_throw_ex(&mut self, gen_ref: StackRef, err: PyErr, close_on_exit: bool) -> PyResult<StackRef> {
        if let Some(delegate) = self.generator_yieldfrom(gen_ref) {
            let delegate = Handle::new(delegate);
            let is_exit = close_on_exit && err.matches(ExcType::GeneratorExit);
            let outcome = if is_exit {
                // GeneratorExit closes the delegate, then is thrown in here.
                match self.close_iterator(delegate.get()) {
                    Ok(()) => Err(err),
                    Err(e) => Err(e),
                }
            } else if generator_data(delegate.get()).is_some() {
                self.generator_throw_marked(gen_ref, delegate.get(), err, close_on_exit)
            } else {
                match self.load_attr_opt(delegate.get(), "throw")? {
                    None => return self.throw_into(gen_ref, err),
                    Some(throw) => {
                        let throw = Handle::new(throw);
                        set_delegating(gen_ref, true);
                        let r = self.call(throw.get(), &[err.exception()]);
                        set_delegating(gen_ref, false);
                        r
                    }
                }
            };
            return match outcome {
                Ok(v) => Ok(v),
                Err(e) if is_exit => self.throw_into(gen_ref, e),
                Err(e) => {
                    // The delegate finished: leave the delegation loop, then go on
                    // with its return value or raise its exception here.
                    self.leave_delegation(gen_ref);
                    if e.matches(ExcType::StopIteration) {
                        let value = Handle::new(self.get_attr_str(e.exception(), "value")?);
                        self.generator_send(gen_ref, value.get())
                    } else {
                        self.throw_into(gen_ref, e)
                    }
                }
            };
        }
        self.throw_into(gen_ref, err)
    }

    /// Throws into a delegate generator while `outer` counts as running (so that a
    /// re-entry into `outer` is "already executing").
    fn generator_throw_marked(
        &mut self,
        outer: StackRef,
        delegate: StackRef,
        err: PyErr,
        close_on_exit: bool,
    ) -> PyResult<StackRef> {
        set_delegating(outer, true);
        let r = self.generator_throw_ex(delegate, err, close_on_exit);
        set_delegating(outer, false);
        r
    }

    /// Moves a generator suspended in a `yield from` loop past the loop, its delegate
    /// popped: the code after YIELD_VALUE is RESUME and the loop's back edge.
    fn leave_delegation(&mut self, gen_ref: StackRef) {
        let gen = generator_data(gen_ref).expect("a generator");
        let units = &gen.code_data().units;
        let mut at = gen.ip.get() + INSTRUCTION_UNITS[op::YIELD_VALUE as usize] as usize;
        debug_assert_eq!((units[at].get() & 0xff) as u8, op::RESUME);
        at += INSTRUCTION_UNITS[op::RESUME as usize] as usize;
        debug_assert_eq!((units[at].get() & 0xff) as u8, op::JUMP_BACKWARD_NO_INTERRUPT);
        at += INSTRUCTION_UNITS[op::JUMP_BACKWARD_NO_INTERRUPT as usize] as usize;
        // Resumption continues one unit after `ip`, and pushes the value sent.
        gen.ip.set(at - 1);
        let depth = gen.stack_depth.get();
        let slot = &gen.storage[gen.code_data().local_count() + depth - 1];
        heap::decref(slot.replace(StackRef::NULL));
        gen.stack_depth.set(depth - 1);
    }

    /// Raises `err` inside the generator where it stopped.
    fn throw_into(&mut self, gen_ref: StackRef, err: PyErr) -> PyResult<StackRef> {
        match self.resume_generator(gen_ref, none(), Some(err))? {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(v) => Err(self.return_as_exception(gen_ref, v)),
        }
    }

    /// `gen.close()`: GeneratorExit thrown in; it must not yield again.
    pub fn generator_close(&mut self, gen_ref: StackRef) -> PyResult<()> {
        let gen = generator_data(gen_ref).expect("a generator");
        match gen.state.get() {
            GenState::Completed => return Ok(()),
            GenState::Created => {
                // Never started: nothing to run.
                self.discard_unstarted(gen_ref);
                return Ok(());
            }
            _ => {}
        }
        let exit = PyErr::bare(ExcType::GeneratorExit);
        match self.generator_throw(gen_ref, exit) {
            Ok(_) => {
                let noun = gen.flavor.noun();
                Err(PyErr::new(ExcType::RuntimeError, format!("{noun} ignored GeneratorExit")))
            }
            Err(e) if e.matches(ExcType::GeneratorExit) || e.matches(ExcType::StopIteration) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// A generator that never ran becomes completed without running.
    fn discard_unstarted(&mut self, gen_ref: StackRef) {
        let gen = generator_data(gen_ref).expect("a generator");
        for slot in gen.live_slots() {
            heap::decref(slot.replace(StackRef::NULL));
        }
        gen.state.set(GenState::Completed);
    }

    /// Closes any iterator a generator delegates to: generators through
    /// `generator_close`, others through their `close` method, if they have one.
    fn close_iterator(&mut self, it: StackRef) -> PyResult<()> {
        if generator_data(it).is_some() {
            return self.generator_close(it);
        }
        if let Some(close) = self.load_attr_opt(it, "close")? {
            let close = Handle::new(close);
            self.call(close.get(), &[])?;
        }
        Ok(())
    }

    /// `obj.name`, or None when it has no such attribute.
    pub(crate) fn load_attr_opt(&mut self, obj: StackRef, name: &str) -> PyResult<Option<StackRef>> {
        match self.get_attr(obj, new::intern(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(ExcType::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Closes the generators the collector found unreachable while suspended inside
    /// a handler (their `finally` blocks and `with` exits run), once each. An
    /// exception from one is reported as CPython reports an unraisable exception.
    pub fn run_generator_finalizers(&mut self) {
        for gen in heap::take_pending_finalizers() {
            let result = self.generator_close(gen.get());
            if let Err(e) = result {
                self.report_unraisable(&e, gen.get());
            }
        }
    }

    /// Writes "Exception ignored in: <obj>" and the exception to stderr.
    fn report_unraisable(&mut self, err: &PyErr, obj: StackRef) {
        let what = match generator_data(obj) {
            Some(g) => format!(
                "<{} object {} at {:#x}>",
                g.flavor.noun().replace(' ', "_"),
                crate::objects::str::text_of(g.qualname.get()),
                obj.bits()
            ),
            None => format!("<{} object>", type_name_of(obj)),
        };
        eprintln!("Exception ignored in: {what}");
        eprint!("{}", crate::runtime::traceback::format_exception(self, err));
    }
}

/// Marks a suspended generator as running while Rust code throws into the iterator it
/// delegates to, and back. No frame holds its references meanwhile, so they are
/// counted first.
fn set_delegating(gen_ref: StackRef, running: bool) {
    if let Some(g) = generator_data(gen_ref) {
        match (running, g.state.get()) {
            (true, GenState::Suspended) => {
                count_slots(g);
                g.state.set(GenState::Running)
            }
            (false, GenState::Running) => g.state.set(GenState::Suspended),
            _ => {}
        }
    }
}

/// The error for resuming a finished generator: StopIteration, or for a coroutine
/// RuntimeError (a coroutine is awaited once), or StopAsyncIteration.
fn exhausted_error(gen: &GeneratorData) -> PyErr {
    match gen.flavor {
        GenFlavor::Generator => PyErr::bare(ExcType::StopIteration),
        GenFlavor::Coroutine => PyErr::new(ExcType::RuntimeError, "cannot reuse already awaited coroutine"),
        GenFlavor::AsyncGenerator => PyErr::bare(ExcType::StopAsyncIteration),
    }
}

/// A generator frame stops: the exception it is handling becomes the generator's own
/// (counted), and the one its resumer was handling is current again.
fn save_generator_exc(gen: &GeneratorData, caller_exc: StackRef) {
    let current = exc_state::handled_raw();
    if current.is_null() && caller_exc.is_null() && gen.exc_state.get().is_null() {
        // No exception handled on either side (the common case): nothing to save.
        return;
    }
    let own = if current == none() { StackRef::NULL } else { current };
    heap::incref(own);
    heap::decref(gen.exc_state.replace(own));
    exc_state::set_handled_raw(caller_exc);
}
