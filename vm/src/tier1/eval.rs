//! The tier-1 interpreter loop. Python-to-Python calls push a frame and continue in the
//! same loop (no Rust recursion); returning from an entry frame returns to the Rust
//! caller. The dispatch `match` is generated from uops.toml (see build.rs); the macros
//! defined here are the vocabulary it is written in, and the special uops (calls,
//! returns, raises, back edges) are written by hand below as `uop_*` macros.
//!
//! Registers: `frame` (raw pointer into the VM's never-reallocated frame vector),
//! `units` (the code), `ip`, `sp`. `sp` is written back to the frame before every
//! escaping call (`sync_sp!`), so a collection always sees exact stacks.

use crate::objects::code::CodeData;
use crate::objects::new;
use crate::opcodes::{op, INSTRUCTION_UNITS};
use crate::runtime::errors::{ExcType, PyErr};
use crate::runtime::frame::Resumer;
use crate::runtime::generators::{self, Resumed, Returned};
use crate::runtime::types;
use crate::runtime::{Frame, Vm};
use crate::tier1::counters;
use crate::tier1::hooks::ExecutorExit;
use crate::tier1::specialize;
use crate::tier1::unwind::find_handler;
use crate::value::{StackPtr, StackRef};
use crate::PyResult;

/// Registers of the running frame.
struct Regs {
    frame: *mut Frame,
    code: &'static CodeData,
    ip: usize,
    sp: StackPtr,
}

impl Regs {
    fn load(vm: &mut Vm) -> Regs {
        let frame: *mut Frame = vm.frames.last_mut().expect("a frame to run");
        // SAFETY: the frame vector never reallocates; the pointer stays valid while
        // the frame is on it, and this loop only uses it until the frame is popped.
        let f = unsafe { &*frame };
        Regs { frame, code: f.code, ip: f.ip, sp: StackPtr::new(f.sp) }
    }
}

/// The code unit at `ip`, read without a bounds check on the dispatch head. Every ip
/// the loop dispatches is an instruction of `code`: the compiler ends each code object
/// with an instruction that leaves the frame, and jumps, exception handlers, returns
/// and executor exits all target instruction starts.
#[inline(always)]
fn unit_at(code: &CodeData, ip: usize) -> u16 {
    debug_assert!(ip < code.units.len(), "ip {ip} is past the code");
    // SAFETY: `ip < code.units.len()`, as above.
    unsafe { code.units.get_unchecked(ip) }.get()
}

/// Nested Rust-level entries into the loop (builtins calling back into Python) allowed
/// before RecursionError; bounded so that the interpreter thread's stack never overflows.
const MAX_NATIVE_DEPTH: usize = 6000;

/// Runs the VM's top frame (marked as an entry frame) until it returns (or, for a
/// generator's frame, until it yields).
pub fn run(vm: &mut Vm) -> PyResult<StackRef> {
    run_entry(vm, None)
}

/// Runs the VM's top frame (marked as an entry frame) as `run` does, but first raises
/// `error` at its current instruction (what `generator.throw()` does).
pub fn run_raising(vm: &mut Vm, error: PyErr) -> PyResult<StackRef> {
    run_entry(vm, Some(error))
}

fn run_entry(vm: &mut Vm, pending: Option<PyErr>) -> PyResult<StackRef> {
    if vm.native_depth >= MAX_NATIVE_DEPTH {
        vm.pop_frame();
        return Err(PyErr::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
    }
    vm.native_depth += 1;
    let result = run_loop(vm, pending);
    vm.native_depth -= 1;
    result
}

// The generated dispatch binds every body result uniformly, unit values included, and
// lists the unused opcode bytes one by one (see sidewinder-uopgen's emit_tier1).
#[allow(
    unused_macros,
    unused_parens,
    unused_assignments,
    unreachable_code,
    clippy::needless_late_init,
    clippy::let_unit_value,
    clippy::identity_op,
    clippy::unit_arg,
    clippy::let_and_return,
    clippy::manual_range_patterns
)]
fn run_loop(vm: &mut Vm, mut pending: Option<PyErr>) -> PyResult<StackRef> {
    let Regs { mut frame, mut code, mut ip, mut sp } = Regs::load(vm);
    // Set by RERAISE (and bare raise), whose errors keep their traceback as is.
    let mut reraise = false;
    // The instruction whose exception-table entry decides where an error goes. It
    // differs from the frame's `ip` after RERAISE restores the original `lasti`, which
    // tracebacks and pushed `lasti` values use (as CPython's INSTR_OFFSET vs f_lasti).
    let mut unwind_ip: usize = 0;
    'main: loop {
        let error: PyErr = 'error: {
            if let Some(e) = pending.take() {
                unwind_ip = ip;
                break 'error e;
            }
            'next_instr: loop {
                let mut this_ip = ip;
                let word = unit_at(code, this_ip);
                let mut opcode = (word & 0xff) as u8;
                let mut oparg = (word >> 8) as u32;
                'dispatch: loop {
                    let mut next_ip = this_ip + INSTRUCTION_UNITS[opcode as usize] as usize;

                    define_stack_macros!($, sp);
                    macro_rules! stack_push_from {
                        ($slice:expr) => {{
                            let (source, count) = ($slice.as_ptr(), $slice.len());
                            // SAFETY: the slice is scratch room of this frame's stack.
                            unsafe { sp.push_from(source, count) }
                        }};
                    }
                    macro_rules! read_cache {
                        ($offset:expr, $units:expr) => {
                            read_cache(code, this_ip + 1 + $offset, $units)
                        };
                    }
                    macro_rules! sync_sp {
                        () => {
                            // SAFETY: `frame` is the live top frame (see Regs::load).
                            unsafe {
                                (*frame).sp = sp.raw();
                                (*frame).ip = this_ip;
                            }
                        };
                    }
                    macro_rules! frame_mut {
                        () => {
                            // SAFETY: as in sync_sp; no other reference to the frame is live.
                            unsafe { &mut *frame }
                        };
                    }
                    macro_rules! raise {
                        ($e:expr) => {{
                            let e = $e;
                            sync_sp!();
                            unwind_ip = this_ip;
                            break 'error e;
                        }};
                    }
                    macro_rules! deopt {
                        ($base:expr) => {{
                            specialize::on_deopt(vm, code, this_ip, $base);
                            opcode = $base;
                            continue 'dispatch;
                        }};
                    }
                    macro_rules! jump_by {
                        ($delta:expr) => {
                            next_ip = (next_ip as isize + $delta) as usize
                        };
                    }
                    macro_rules! record_branch {
                        ($offset:expr, $taken:expr) => {{
                            let cell = &code.units[this_ip + 1 + $offset];
                            cell.set((cell.get() << 1) | ($taken as u16));
                        }};
                    }
                    macro_rules! dispatch_next {
                        () => {{
                            ip = next_ip;
                            continue 'next_instr;
                        }};
                    }
                    macro_rules! unknown_opcode {
                        () => {
                            unreachable!("unknown opcode {opcode}")
                        };
                    }
                    macro_rules! adaptive {
                        ($family:expr) => {{
                            let counter = code.units[this_ip + 1].get();
                            if counters::triggers(counter) {
                                sync_sp!();
                                // SAFETY: as in frame_mut.
                                let f = unsafe { &*frame };
                                specialize::specialize(vm, f, this_ip, $family, oparg, sp);
                                let word = code.units[this_ip].get();
                                opcode = (word & 0xff) as u8;
                                if opcode != $family {
                                    continue 'dispatch;
                                }
                            } else {
                                code.units[this_ip + 1].set(counters::decrement(counter));
                            }
                        }};
                    }
                    // Continues with the VM's top frame at its `ip`.
                    macro_rules! run_top_frame {
                        () => {{
                            let regs = Regs::load(vm);
                            frame = regs.frame;
                            code = regs.code;
                            ip = regs.ip;
                            sp = regs.sp;
                            continue 'next_instr;
                        }};
                    }
                    // Switches to the frame the VM just pushed, saving the caller's state
                    // in the caller frame (now second from the top): it goes on at
                    // `$return_ip` when that frame returns.
                    macro_rules! enter_frame {
                        ($return_ip:expr) => {{
                            // SAFETY: the caller frame is still live (frames never move).
                            unsafe {
                                (*frame).sp = sp.raw();
                                (*frame).ip = this_ip;
                                (*frame).return_ip = $return_ip;
                            }
                            run_top_frame!();
                        }};
                    }
                    macro_rules! enter_pushed_frame {
                        () => {
                            enter_frame!(next_ip)
                        };
                    }
                    // Continues where the VM says after the top frame returned
                    // `$retval` (Vm::return_from_frame, shared by every tier).
                    macro_rules! return_value {
                        ($retval:expr) => {{
                            let retval: StackRef = $retval;
                            // Where the frame ended (a finished generator's frame object
                            // reports that line).
                            // SAFETY: `frame` is the live top frame (see Regs::load).
                            unsafe { (*frame).ip = this_ip };
                            match vm.return_from_frame() {
                                Returned::ToRust => return Ok(retval),
                                Returned::ToCaller { push } => {
                                    let regs = Regs::load(vm);
                                    frame = regs.frame;
                                    code = regs.code;
                                    ip = regs.ip;
                                    sp = regs.sp;
                                    if push {
                                        sp.push(retval);
                                    }
                                    continue 'next_instr;
                                }
                                Returned::StopIterationToCaller => {
                                    let regs = Regs::load(vm);
                                    frame = regs.frame;
                                    code = regs.code;
                                    this_ip = regs.ip;
                                    sp = regs.sp;
                                    raise!(crate::runtime::async_generators::stop_iteration(retval));
                                }
                            }
                        }};
                    }
                    // Links a generator's frame (it can be resumed: the caller checked)
                    // and enters it; a return from it continues at `$return_ip`.
                    macro_rules! enter_generator {
                        ($gen:expr, $sent:expr, $resumer:expr, $return_ip:expr) => {{
                            if let Err(e) = vm.push_generator_frame($gen, $sent, $resumer) {
                                raise!(e);
                            }
                            enter_frame!($return_ip);
                        }};
                    }
                    macro_rules! uop_RETURN_GENERATOR {
                        () => {{
                            let gen = vm.make_generator(this_ip);
                            return_value!(gen);
                        }};
                    }
                    macro_rules! uop_YIELD_VALUE {
                        () => {{
                            let value = sp.pop();
                            match vm.suspend_generator_frame(sp, this_ip) {
                                Returned::ToRust => return Ok(value),
                                Returned::ToCaller { .. } => {
                                    let regs = Regs::load(vm);
                                    frame = regs.frame;
                                    code = regs.code;
                                    ip = regs.ip;
                                    sp = regs.sp;
                                    sp.push(value);
                                    continue 'next_instr;
                                }
                                Returned::StopIterationToCaller => unreachable!("only a return raises"),
                            }
                        }};
                    }
                    macro_rules! uop__FOR_ITER_GEN_FRAME {
                        () => {{
                            let gen = sp.peek(0);
                            if !generators::can_resume_inline(gen, types::none(), true) {
                                deopt!(op::FOR_ITER);
                            }
                            generators::record_for_iter_generator(code, this_ip, gen);
                            enter_generator!(gen, types::none(), Resumer::ForIter, next_ip + oparg as usize);
                        }};
                    }
                    macro_rules! uop__CALL_NEXT_GEN_FRAME {
                        () => {{
                            let gen = sp.peek(0);
                            if !generators::is_builtin_next_call(sp.peek(2), sp.peek(1), oparg)
                                || !generators::can_resume_inline(gen, types::none(), true)
                            {
                                deopt!(op::CALL);
                            }
                            generators::record_next_generator(code, this_ip, gen);
                            enter_generator!(gen, types::none(), Resumer::Next, this_ip);
                        }};
                    }
                    macro_rules! uop__SEND_GEN_FRAME {
                        () => {{
                            let (receiver, v) = (sp.peek(1), sp.peek(0));
                            if !generators::can_resume_inline(receiver, v, false) {
                                deopt!(op::SEND);
                            }
                            sp.drop_n(1);
                            enter_generator!(receiver, v, Resumer::Send, next_ip + oparg as usize);
                        }};
                    }
                    macro_rules! uop_SEND {
                        () => {{
                            let (receiver, v) = (sp.peek(1), sp.peek(0));
                            if generators::can_resume_inline(receiver, v, false) {
                                sp.drop_n(1);
                                enter_generator!(receiver, v, Resumer::Send, next_ip + oparg as usize);
                            }
                            sync_sp!();
                            match vm.send_to_iterator(receiver, v) {
                                Ok(Resumed::Yielded(value)) => sp.set(0, value),
                                Ok(Resumed::Returned(value)) => {
                                    sp.drop_n(2);
                                    sp.push(value);
                                    jump_by!(oparg as isize);
                                }
                                Err(e) => raise!(e),
                            }
                        }};
                    }
                    // A call from tier 1: Python functions get a frame in this loop, any
                    // other callable is called from Rust. `values` is [self?, args...].
                    macro_rules! call_callable {
                        ($callable:expr, $values:expr, $kwnames:expr, $consumed:expr) => {{
                            let callable: StackRef = $callable;
                            let kwnames: &[StackRef] = $kwnames;
                            if callable.is_kind(crate::objects::kind::Kind::Function) {
                                let args = crate::objects::function::Args { values: $values, kwnames };
                                if let Err(e) = vm.push_function_frame(callable, args) {
                                    raise!(e);
                                }
                                sp.drop_n($consumed);
                                enter_pushed_frame!();
                            }
                            sync_sp!();
                            let args = crate::objects::function::Args { values: $values, kwnames };
                            let result = match vm.call_args(callable, args) {
                                Ok(v) => v,
                                Err(e) => raise!(e),
                            };
                            sp.drop_n($consumed);
                            sp.push(result);
                            dispatch_next!();
                        }};
                    }
                    macro_rules! uop_CALL {
                        () => {{
                            let argc = oparg as usize;
                            let mut callable = sp.peek(argc + 1);
                            let mut self_or_null = sp.peek(argc);
                            if self_or_null.is_null() {
                                if let Some(m) = callable.downcast::<crate::objects::function::BoundMethodData>() {
                                    callable = m.func;
                                    self_or_null = m.receiver;
                                    sp.set(argc + 1, callable);
                                    sp.set(argc, self_or_null);
                                }
                            }
                            let with_self = !self_or_null.is_null() as usize;
                            let values = sp.slice(0, argc + with_self);
                            call_callable!(callable, values, &[], argc + 2);
                        }};
                    }
                    macro_rules! uop_CALL_KW {
                        () => {{
                            let argc = oparg as usize;
                            let kwnames_tuple = sp.peek(0);
                            let mut callable = sp.peek(argc + 2);
                            let mut self_or_null = sp.peek(argc + 1);
                            if self_or_null.is_null() {
                                if let Some(m) = callable.downcast::<crate::objects::function::BoundMethodData>() {
                                    callable = m.func;
                                    self_or_null = m.receiver;
                                    sp.set(argc + 2, callable);
                                    sp.set(argc + 1, self_or_null);
                                }
                            }
                            let with_self = !self_or_null.is_null() as usize;
                            let values = sp.slice(1, argc + with_self);
                            let names: &[StackRef] = &kwnames_tuple
                                .downcast::<crate::objects::tuple::TupleData>()
                                .expect("CALL_KW names tuple")
                                .items;
                            call_callable!(callable, values, names, argc + 3);
                        }};
                    }
                    macro_rules! uop_CALL_FUNCTION_EX {
                        () => {{
                            let has_kwargs = (oparg & 1) as usize;
                            let callargs = sp.peek(has_kwargs);
                            let callable = sp.peek(has_kwargs + 2);
                            let self_or_null = sp.peek(has_kwargs + 1);
                            let items: Vec<StackRef> = match callargs.downcast::<crate::objects::tuple::TupleData>() {
                                Some(t) => t.items.to_vec(),
                                None => raise!(PyErr::new(ExcType::TypeError, "argument after * must be a tuple")),
                            };
                            let mut values = Vec::with_capacity(items.len() + 1);
                            if !self_or_null.is_null() {
                                values.push(self_or_null);
                            }
                            values.extend(items);
                            let mut kwnames = Vec::new();
                            if has_kwargs == 1 {
                                let Some(kwargs) = sp.peek(0).downcast::<crate::objects::dict::DictData>() else {
                                    raise!(PyErr::new(ExcType::TypeError, "argument after ** must be a mapping"));
                                };
                                for (key, value) in kwargs.items() {
                                    if !key.is_kind(crate::objects::kind::Kind::Str) {
                                        raise!(PyErr::new(ExcType::TypeError, "keywords must be strings"));
                                    }
                                    kwnames.push(key);
                                    values.push(value);
                                }
                            }
                            call_callable!(callable, &values, &kwnames, 3 + has_kwargs);
                        }};
                    }
                    // [callable, self_or_null, args] -> the callee's frame, pushed by
                    // `$push` (push_frame_exact or push_frame_with_defaults).
                    macro_rules! init_call_py {
                        ($push:ident, $new_frame:ident) => {
                            let argc = oparg as usize;
                            let callable = sp.peek(argc + 1);
                            let with_self = !sp.peek(argc).is_null() as usize;
                            let values = sp.slice(0, argc + with_self);
                            if let Err(e) = vm.$push(callable, values) {
                                raise!(e);
                            }
                            sp.drop_n(argc + 2);
                            #[allow(clippy::let_unit_value)]
                            let $new_frame = ();
                        };
                    }
                    // [callable, self_or_null, args, kwnames] -> the callee's frame.
                    macro_rules! uop__INIT_CALL_PY_KW {
                        ($new_frame:ident) => {
                            let argc = oparg as usize;
                            let kwnames = sp.peek(0);
                            let callable = sp.peek(argc + 2);
                            let with_self = !sp.peek(argc + 1).is_null() as usize;
                            let values = sp.slice(1, argc + with_self);
                            if let Err(e) = vm.push_frame_keywords(callable, values, kwnames) {
                                raise!(e);
                            }
                            sp.drop_n(argc + 3);
                            #[allow(clippy::let_unit_value)]
                            let $new_frame = ();
                        };
                    }
                    macro_rules! uop__INIT_CALL_PY_EXACT_ARGS {
                        ($new_frame:ident) => {
                            init_call_py!(push_frame_exact, $new_frame);
                        };
                    }
                    macro_rules! uop__INIT_CALL_PY_WITH_DEFAULTS {
                        ($new_frame:ident) => {
                            init_call_py!(push_frame_with_defaults, $new_frame);
                        };
                    }
                    // CALL_ALLOC_AND_ENTER_INIT: the stack holds [__init__, self, args]
                    // (from _CHECK_AND_ALLOCATE_OBJECT). Pushes the init-cleanup shim and
                    // __init__'s frame; _PUSH_FRAME then saves this frame's state (its
                    // return point is the next instruction) and enters __init__.
                    macro_rules! uop__CREATE_INIT_FRAME {
                        ($new_frame:ident) => {
                            let argc = oparg as usize;
                            let init = sp.peek(argc + 1);
                            let values = sp.slice(0, argc + 1);
                            if let Err(e) = vm.push_init_frames(init, values) {
                                raise!(e);
                            }
                            sp.drop_n(argc + 2);
                            #[allow(clippy::let_unit_value)]
                            let $new_frame = ();
                        };
                    }
                    macro_rules! uop__SAVE_RETURN_OFFSET {
                        () => {};
                    }
                    macro_rules! uop__PUSH_FRAME {
                        ($new_frame:ident) => {
                            let () = $new_frame;
                            enter_pushed_frame!();
                        };
                    }
                    macro_rules! uop__POP_FRAME {
                        () => {{
                            let retval = sp.pop();
                            return_value!(retval);
                        }};
                    }
                    macro_rules! uop_RESUME {
                        () => {{
                            if vm.safepoint_due() {
                                sync_sp!();
                                if let Err(e) = vm.safepoint() {
                                    raise!(e);
                                }
                            }
                        }};
                    }
                    macro_rules! back_edge_safepoint {
                        () => {
                            if vm.safepoint_due() {
                                sync_sp!();
                                if let Err(e) = vm.safepoint() {
                                    raise!(e);
                                }
                            }
                        };
                    }
                    macro_rules! uop_JUMP_BACKWARD {
                        () => {{
                            back_edge_safepoint!();
                            let counter = code.units[this_ip + 1].get();
                            if counters::triggers(counter) {
                                sync_sp!();
                                // SAFETY: as in frame_mut.
                                let code_ref = unsafe { (*frame).code_ref };
                                if specialize::back_edge_hot(vm, code_ref, code, this_ip) {
                                    // Now ENTER_EXECUTOR: run it right away. The slot index
                                    // replaced only the low byte of the oparg.
                                    opcode = op::ENTER_EXECUTOR;
                                    oparg = (oparg & !0xff) | (code.units[this_ip].get() >> 8) as u32;
                                    continue 'dispatch;
                                }
                            } else {
                                code.units[this_ip + 1].set(counters::decrement(counter));
                            }
                            next_ip -= oparg as usize;
                        }};
                    }
                    // The low byte of the oparg names the executor's slot; EXTENDED_ARG
                    // prefixes supply the high bits of the replaced JUMP_BACKWARD's oparg.
                    macro_rules! uop_ENTER_EXECUTOR {
                        () => {{
                            back_edge_safepoint!();
                            let slot = code.executors.borrow().get((oparg & 0xff) as usize).cloned().flatten();
                            let low_byte = match slot {
                                Some(executor) => {
                                    // `executor` is our own Rc: it outlives an uninstall
                                    // while it runs.
                                    if executor.is_valid() {
                                        sync_sp!();
                                        // Where tier 1 resumes if the executor leaves
                                        // the frame as is: the instruction's first
                                        // EXTENDED_ARG, if it has any. The compiler
                                        // emits a prefix only for a nonzero high byte,
                                        // so the oparg's size counts them (reading the
                                        // loop's `ip` here instead would keep it alive
                                        // in a register across every handler).
                                        let prefixes = (oparg > 0xff) as usize
                                            + (oparg > 0xffff) as usize
                                            + (oparg > 0xff_ffff) as usize;
                                        // SAFETY: as in sync_sp.
                                        unsafe { (*frame).ip = this_ip - prefixes };
                                        match executor.execute(vm) {
                                            Ok(ExecutorExit::Resume) => run_top_frame!(),
                                            Err(e) => {
                                                let regs = Regs::load(vm);
                                                frame = regs.frame;
                                                code = regs.code;
                                                unwind_ip = regs.ip;
                                                break 'error e;
                                            }
                                        }
                                    }
                                    executor.original_oparg() & 0xff
                                }
                                // An emptied slot (uninstalling restores the JUMP_BACKWARD,
                                // so this should not happen): the cache unit keeps the
                                // replaced byte (see specialize::install_executor).
                                None => (counters::value(code.units[this_ip + 1].get()) & 0xff) as u32,
                            };
                            // Invalid or gone: behave as the original back edge.
                            next_ip -= ((oparg & !0xff) | low_byte) as usize;
                        }};
                    }
                    // EXTENDED_ARG supplies the high bits of the next instruction's oparg;
                    // that instruction then runs as if it started here.
                    macro_rules! uop_EXTENDED_ARG {
                        () => {{
                            this_ip += 1;
                            let word = code.units[this_ip].get();
                            opcode = (word & 0xff) as u8;
                            oparg = (oparg << 8) | (word >> 8) as u32;
                            continue 'dispatch;
                        }};
                    }
                    macro_rules! uop_CACHE {
                        () => {
                            unreachable!("CACHE executed")
                        };
                    }
                    macro_rules! uop_RAISE_VARARGS {
                        () => {{
                            let err = match oparg {
                                0 => {
                                    let handled = vm.topmost_handled();
                                    if handled == crate::runtime::types::none() {
                                        PyErr::new(ExcType::RuntimeError, "No active exception to reraise")
                                    } else {
                                        // A bare `raise` keeps the exception's traceback as is.
                                        reraise = true;
                                        PyErr::from_exception(handled)
                                    }
                                }
                                1 => match vm.exception_from_raise_arg(sp.peek(0)) {
                                    Ok(e) => e,
                                    Err(e) => e,
                                },
                                _ => match vm.exception_from_raise_arg(sp.peek(1)) {
                                    Ok(e) => match vm.set_cause(&e, sp.peek(0)) {
                                        Ok(()) => e,
                                        Err(e2) => e2,
                                    },
                                    Err(e) => e,
                                },
                            };
                            raise!(err);
                        }};
                    }
                    macro_rules! uop_RERAISE {
                        () => {{
                            let exc = sp.peek(0);
                            if oparg != 0 {
                                let lasti = sp.peek(oparg as usize);
                                // SAFETY: as in frame_mut.
                                unsafe { (*frame).ip = lasti.small_int_value() as usize };
                            }
                            reraise = true;
                            let e = PyErr::from_exception(exc);
                            // SAFETY: as in frame_mut.
                            unsafe { (*frame).sp = sp.raw() };
                            unwind_ip = this_ip;
                            break 'error e;
                        }};
                    }

                    // END_ASYNC_FOR: [aiter, exc]; StopAsyncIteration ends the loop,
                    // anything else is re-raised as RERAISE does.
                    macro_rules! uop_END_ASYNC_FOR {
                        () => {{
                            let exc = sp.peek(0);
                            if crate::runtime::types::is_subclass(
                                crate::runtime::types::type_of(exc),
                                crate::runtime::errors::ExcType::StopAsyncIteration.class(),
                            ) {
                                sp.drop_n(2);
                                dispatch_next!();
                            }
                            reraise = true;
                            let e = PyErr::from_exception(exc);
                            // SAFETY: as in frame_mut.
                            unsafe { (*frame).sp = sp.raw() };
                            unwind_ip = this_ip;
                            break 'error e;
                        }};
                    }

                    include!(concat!(env!("OUT_DIR"), "/tier1_dispatch.rs"))
                }
            }
        };
        // Unwinding: find a handler in this frame or pop frames until one is found.
        let mut error = error;
        let was_reraise = std::mem::replace(&mut reraise, false);
        if !was_reraise {
            vm.note_raise(&error);
        }
        let mut at_ip = unwind_ip;
        if !was_reraise {
            // SAFETY: as above.
            vm.add_traceback(&error, unsafe { (*frame).code_ref }, unsafe { (*frame).ip });
        }
        loop {
            if let Some(handler) = find_handler(code, at_ip) {
                // SAFETY: `frame` is the live top frame.
                let f = unsafe { &mut *frame };
                sp = StackPtr::new(f.stack_base);
                sp.advance(handler.depth as usize);
                if handler.push_lasti {
                    sp.push(new::int(f.ip as i64));
                }
                let exc = error.exception();
                sp.push(exc);
                drop(error);
                ip = handler.target as usize;
                continue 'main;
            }
            // SAFETY: live until popped.
            let (was_entry, generator) = unsafe { ((*frame).entry, (*frame).generator) };
            if !generator.is_null() {
                error = vm.exception_leaving_generator(generator, error);
            }
            vm.pop_frame();
            if was_entry {
                return Err(error);
            }
            let regs = Regs::load(vm);
            frame = regs.frame;
            code = regs.code;
            at_ip = regs.ip;
            // SAFETY: live caller frame.
            vm.add_traceback(&error, unsafe { (*frame).code_ref }, at_ip);
        }
    }
}

/// Reads an operand of 1, 2 or 4 units from the inline cache (little-endian units).
#[inline(always)]
fn read_cache(code: &CodeData, at: usize, units: usize) -> u64 {
    let mut value = 0u64;
    for i in 0..units {
        value |= (code.units[at + i].get() as u64) << (16 * i);
    }
    value
}
