//! Adaptive specialization: when a generic instruction's counter runs out, look at the
//! operands it is about to work on and rewrite it in place to a specialized form (with
//! its cache filled), or back off exponentially. Also the deopt bookkeeping, the
//! hot-back-edge hand-off to the optimizer, and installing and uninstalling executors
//! (ENTER_EXECUTOR).

use std::rc::Rc;

use crate::objects::code::CodeData;
use crate::objects::dict::DictData;
use crate::objects::function::{BoundMethodData, BuiltinFunctionData, FunctionData};
use crate::objects::kind::Kind;
use crate::objects::module::ModuleData;
use crate::objects::types::TypeData;
use crate::opcodes::{op, INSTRUCTIONS};
use crate::runtime::types::{lookup, shared_key_index, type_of, type_version, types};
use crate::runtime::{Frame, Vm};
use crate::tier1::counters;
use crate::tier1::hooks::Executor;
use crate::tier1::watchers;
use crate::value::{StackPtr, StackRef};

fn write_cache(code: &CodeData, ip: usize, offset: usize, units: usize, value: u64) {
    for i in 0..units {
        code.units[ip + 1 + offset + i].set((value >> (16 * i)) as u16);
    }
}

fn rewrite(vm: &mut Vm, code: &CodeData, ip: usize, opcode: u8) {
    let unit = &code.units[ip];
    unit.set((unit.get() & 0xff00) | opcode as u16);
    code.units[ip + 1].set(counters::make(counters::COOLDOWN, 0));
    *vm.stats.specialized.entry(INSTRUCTIONS[opcode as usize].name).or_default() += 1;
}

fn fail(vm: &mut Vm, code: &CodeData, ip: usize, family: u8) {
    let counter = code.units[ip + 1].get();
    code.units[ip + 1].set(counters::backed_off(counter));
    *vm.stats.specialization_failures.entry(INSTRUCTIONS[family as usize].name).or_default() += 1;
}

/// Entry offsets in the shared cache layouts.
mod layout {
    // LOAD_GLOBAL: counter/1, index/1, module_keys_version/2, builtin_keys_version/2
    pub const GLOBAL_INDEX: usize = 1;
    pub const GLOBAL_MODULE_VERSION: usize = 2;
    pub const GLOBAL_BUILTIN_VERSION: usize = 4;
    // LOAD_ATTR / STORE_ATTR: counter/1, version/2, index/1, descr/4
    pub const ATTR_VERSION: usize = 1;
    pub const ATTR_INDEX: usize = 3;
    pub const ATTR_DESCR: usize = 4;
    // CALL and CALL_KW: counter/1, func_version/2 (a type version for
    // CALL_ALLOC_AND_ENTER_INIT)
    pub const CALL_FUNC_VERSION: usize = 1;
}

/// Tries to specialize the generic instruction `family` at `ip`.
pub fn specialize(vm: &mut Vm, frame: &Frame, ip: usize, family: u8, oparg: u32, sp: StackPtr) {
    let code = frame.code;
    let chosen = match family {
        op::LOAD_GLOBAL => load_global(code, frame, ip, oparg),
        op::LOAD_ATTR => load_attr(code, ip, oparg, sp.peek(0)),
        op::STORE_ATTR => store_attr(code, ip, oparg, sp.peek(0)),
        op::BINARY_OP => binary_op(oparg, sp.peek(1), sp.peek(0)),
        op::COMPARE_OP => compare_op(sp.peek(1), sp.peek(0)),
        op::CONTAINS_OP => match sp.peek(0).kind() {
            Kind::Set if crate::ops::is_builtin_type(type_of(sp.peek(0))) => Some(op::CONTAINS_OP_SET),
            Kind::Dict if crate::ops::is_builtin_type(type_of(sp.peek(0))) => Some(op::CONTAINS_OP_DICT),
            _ => None,
        },
        op::BINARY_SUBSCR => subscr(
            sp.peek(1),
            sp.peek(0),
            op::BINARY_SUBSCR_LIST_INT,
            op::BINARY_SUBSCR_TUPLE_INT,
            op::BINARY_SUBSCR_DICT,
        ),
        op::STORE_SUBSCR => subscr(sp.peek(1), sp.peek(0), op::STORE_SUBSCR_LIST_INT, 0, op::STORE_SUBSCR_DICT),
        op::CALL
            if crate::runtime::generators::is_builtin_next_call(
                sp.peek(oparg as usize + 1),
                sp.peek(oparg as usize),
                oparg,
            ) && crate::runtime::generators::is_plain_generator(sp.peek(0)) =>
        {
            Some(op::CALL_NEXT_GEN)
        }
        op::CALL => call(code, ip, oparg, sp.peek(oparg as usize + 1), sp.peek(oparg as usize)),
        op::CALL_KW => match sp.peek(oparg as usize + 2).downcast::<FunctionData>() {
            Some(f) if f.version.get() != 0 => {
                write_cache(code, ip, layout::CALL_FUNC_VERSION, 2, f.version.get() as u64);
                Some(op::CALL_KW_PY)
            }
            _ => None,
        },
        op::FOR_ITER => match sp.peek(0).kind() {
            Kind::RangeIter => Some(op::FOR_ITER_RANGE),
            Kind::ListIter => Some(op::FOR_ITER_LIST),
            Kind::TupleIter => Some(op::FOR_ITER_TUPLE),
            Kind::Generator if crate::runtime::generators::is_plain_generator(sp.peek(0)) => Some(op::FOR_ITER_GEN),
            _ => None,
        },
        op::SEND => match crate::runtime::generators::generator_data(sp.peek(1)).map(|g| g.flavor) {
            Some(crate::objects::generator::GenFlavor::Generator | crate::objects::generator::GenFlavor::Coroutine) => {
                Some(op::SEND_GEN)
            }
            Some(_) => None,
            None if sp.peek(0) == crate::runtime::types::none()
                && matches!(sp.peek(1).kind(), Kind::ListIter | Kind::TupleIter | Kind::RangeIter) =>
            {
                Some(op::SEND_ITER)
            }
            None => None,
        },
        op::UNPACK_SEQUENCE => match sp.peek(0).kind() {
            Kind::Tuple if oparg == 2 => Some(op::UNPACK_SEQUENCE_TWO_TUPLE),
            Kind::Tuple => Some(op::UNPACK_SEQUENCE_TUPLE),
            Kind::List => Some(op::UNPACK_SEQUENCE_LIST),
            _ => None,
        },
        op::TO_BOOL => match sp.peek(0).kind() {
            Kind::Bool => Some(op::TO_BOOL_BOOL),
            Kind::SmallInt => Some(op::TO_BOOL_INT),
            Kind::None => Some(op::TO_BOOL_NONE),
            Kind::List => Some(op::TO_BOOL_LIST),
            Kind::Str => Some(op::TO_BOOL_STR),
            _ => None,
        },
        _ => None,
    };
    match chosen {
        Some(opcode) if opcode != 0 => rewrite(vm, code, ip, opcode),
        _ => fail(vm, code, ip, family),
    }
}

fn dict_index(dict: &DictData, name: StackRef) -> Option<usize> {
    crate::objects::new::dict_find_str(dict, name)?.0
}

fn fits_u16(index: usize) -> bool {
    index < u16::MAX as usize
}

fn load_global(code: &CodeData, frame: &Frame, ip: usize, oparg: u32) -> Option<u8> {
    let name = code.names[(oparg >> 1) as usize];
    let globals = frame.globals.downcast::<DictData>()?;
    if let Some(index) = dict_index(globals, name) {
        if !fits_u16(index) {
            return None;
        }
        write_cache(code, ip, layout::GLOBAL_INDEX, 1, index as u64);
        write_cache(code, ip, layout::GLOBAL_MODULE_VERSION, 2, globals.ensure_keys_version() as u64);
        return Some(op::LOAD_GLOBAL_MODULE);
    }
    let builtins = frame.builtins.downcast::<DictData>()?;
    let index = dict_index(builtins, name)?;
    if !fits_u16(index) {
        return None;
    }
    write_cache(code, ip, layout::GLOBAL_INDEX, 1, index as u64);
    write_cache(code, ip, layout::GLOBAL_MODULE_VERSION, 2, globals.ensure_keys_version() as u64);
    write_cache(code, ip, layout::GLOBAL_BUILTIN_VERSION, 2, builtins.ensure_keys_version() as u64);
    Some(op::LOAD_GLOBAL_BUILTIN)
}

fn load_attr(code: &CodeData, ip: usize, oparg: u32, owner: StackRef) -> Option<u8> {
    let name = code.names[(oparg >> 1) as usize];
    if let Some(module) = owner.downcast::<ModuleData>() {
        let dict = module.dict.downcast::<DictData>()?;
        let index = dict_index(dict, name)?;
        if !fits_u16(index) {
            return None;
        }
        write_cache(code, ip, layout::ATTR_VERSION, 2, dict.ensure_keys_version() as u64);
        write_cache(code, ip, layout::ATTR_INDEX, 1, index as u64);
        return Some(op::LOAD_ATTR_MODULE);
    }
    if owner.downcast::<TypeData>().is_some() {
        let value = lookup(owner, name)?;
        if matches!(value.kind(), Kind::ClassMethod | Kind::StaticMethod | Kind::Property) {
            return None;
        }
        write_cache(code, ip, layout::ATTR_VERSION, 2, type_version(owner) as u64);
        write_cache(code, ip, layout::ATTR_DESCR, 4, value.bits() as u64);
        return Some(op::LOAD_ATTR_CLASS);
    }
    // Only kinds whose attributes come from the type's MRO and the instance values;
    // super objects, for one, look attributes up differently.
    let plain_kind = matches!(
        owner.kind(),
        Kind::Instance
            | Kind::List
            | Kind::Dict
            | Kind::Str
            | Kind::Tuple
            | Kind::SmallInt
            | Kind::BigInt
            | Kind::Float
    );
    if !plain_kind {
        return None;
    }
    let ty = type_of(owner);
    let descr = lookup(ty, name);
    let is_instance = owner.kind() == Kind::Instance;
    let shadowed = is_instance && shared_key_index(ty, name, false).is_some();
    if oparg & 1 == 1 {
        let d = descr?;
        let is_method = d.downcast::<FunctionData>().is_some()
            || d.downcast::<BuiltinFunctionData>().map(|b| !b.owner.is_null()).unwrap_or(false);
        if !is_method || shadowed {
            return None;
        }
        write_cache(code, ip, layout::ATTR_VERSION, 2, type_version(ty) as u64);
        write_cache(code, ip, layout::ATTR_DESCR, 4, d.bits() as u64);
        return Some(op::LOAD_ATTR_METHOD);
    }
    if is_instance && descr.is_none() {
        let index = shared_key_index(ty, name, false)?;
        if !fits_u16(index) {
            return None;
        }
        write_cache(code, ip, layout::ATTR_VERSION, 2, type_version(ty) as u64);
        write_cache(code, ip, layout::ATTR_INDEX, 1, index as u64);
        return Some(op::LOAD_ATTR_INSTANCE_VALUE);
    }
    None
}

fn store_attr(code: &CodeData, ip: usize, oparg: u32, owner: StackRef) -> Option<u8> {
    if owner.kind() != Kind::Instance {
        return None;
    }
    let name = code.names[oparg as usize];
    let ty = type_of(owner);
    if lookup(ty, name).is_some() {
        return None;
    }
    let index = shared_key_index(ty, name, false)?;
    if !fits_u16(index) {
        return None;
    }
    write_cache(code, ip, layout::ATTR_VERSION, 2, type_version(ty) as u64);
    write_cache(code, ip, layout::ATTR_INDEX, 1, index as u64);
    Some(op::STORE_ATTR_INSTANCE_VALUE)
}

/// A small int or a float.
fn is_number(value: StackRef) -> bool {
    value.is_small_int() || value.kind() == Kind::Float
}

fn binary_op(oparg: u32, lhs: StackRef, rhs: StackRef) -> Option<u8> {
    let ints = lhs.is_small_int() && rhs.is_small_int();
    let floats = lhs.kind() == Kind::Float && rhs.kind() == Kind::Float;
    let strs = lhs.kind() == Kind::Str && rhs.kind() == Kind::Str;
    match oparg {
        0 | 13 if ints => Some(op::BINARY_OP_ADD_INT),
        0 | 13 if floats => Some(op::BINARY_OP_ADD_FLOAT),
        0 | 13 if strs => Some(op::BINARY_OP_ADD_STR),
        10 | 23 if ints => Some(op::BINARY_OP_SUBTRACT_INT),
        10 | 23 if floats => Some(op::BINARY_OP_SUBTRACT_FLOAT),
        5 | 18 if ints => Some(op::BINARY_OP_MULTIPLY_INT),
        5 | 18 if floats => Some(op::BINARY_OP_MULTIPLY_FLOAT),
        11 | 24 if floats => Some(op::BINARY_OP_TRUE_DIVIDE_FLOAT),
        8 | 21 if floats => Some(op::BINARY_OP_POWER_FLOAT),
        11 | 24 if is_number(lhs) && is_number(rhs) => Some(op::BINARY_OP_TRUE_DIVIDE_NUMBERS),
        1 | 14 if ints => Some(op::BINARY_OP_AND_INT),
        7 | 20 if ints => Some(op::BINARY_OP_OR_INT),
        12 | 25 if ints => Some(op::BINARY_OP_XOR_INT),
        // Only for a count that does not raise (a negative one raises, and keeps raising).
        9 | 22 if ints && rhs.small_int_value() >= 0 => Some(op::BINARY_OP_RSHIFT_INT),
        3 | 16 if ints && rhs.small_int_value() >= 0 => Some(op::BINARY_OP_LSHIFT_INT),
        // Only for a non-zero divisor: a zero one raises, and keeps raising.
        2 | 15 if ints && rhs.small_int_value() != 0 => Some(op::BINARY_OP_FLOOR_DIVIDE_INT),
        6 | 19 if ints && rhs.small_int_value() != 0 => Some(op::BINARY_OP_REMAINDER_INT),
        _ => None,
    }
}

fn compare_op(lhs: StackRef, rhs: StackRef) -> Option<u8> {
    if lhs.is_small_int() && rhs.is_small_int() {
        Some(op::COMPARE_OP_INT)
    } else if lhs.kind() == Kind::Float && rhs.kind() == Kind::Float {
        Some(op::COMPARE_OP_FLOAT)
    } else if lhs.kind() == Kind::Str && rhs.kind() == Kind::Str {
        Some(op::COMPARE_OP_STR)
    } else {
        None
    }
}

fn subscr(container: StackRef, sub: StackRef, list_int: u8, tuple_int: u8, dict: u8) -> Option<u8> {
    match container.kind() {
        Kind::List if sub.is_small_int() => Some(list_int),
        Kind::Tuple if sub.is_small_int() && tuple_int != 0 => Some(tuple_int),
        Kind::Dict => Some(dict),
        _ => None,
    }
}

/// Whether `code` binds positional parameters only: no *args, **kwargs or keyword-only
/// parameters (the Python-call specializations bind nothing else).
fn binds_positionals_only(code: &CodeData) -> bool {
    code.flags & (crate::compiler::code::code_flags::VARARGS | crate::compiler::code::code_flags::VARKEYWORDS) == 0
        && code.kwonly_arg_count == 0
}

fn exact_args_function(callable: StackRef, argc: u32, with_self: bool) -> Option<&'static FunctionData> {
    let f = callable.downcast::<FunctionData>()?;
    let code = f.code.downcast::<CodeData>()?;
    (binds_positionals_only(code) && code.arg_count == argc + with_self as u32).then_some(f)
}

/// A function that `argc` positional arguments (plus self) and its defaults bind with
/// nothing else to do: CALL_PY_WITH_DEFAULTS's callee.
fn defaults_args_function(callable: StackRef, argc: u32, with_self: bool) -> Option<&'static FunctionData> {
    let f = callable.downcast::<FunctionData>()?;
    let code = f.code.downcast::<CodeData>()?;
    (binds_positionals_only(code) && crate::uops::calls::defaults_complete_call(f, argc + with_self as u32))
        .then_some(f)
}

fn call(code: &CodeData, ip: usize, oparg: u32, callable: StackRef, self_or_null: StackRef) -> Option<u8> {
    match callable.kind() {
        Kind::Function => {
            let with_self = !self_or_null.is_null();
            let (f, specialized) = match exact_args_function(callable, oparg, with_self) {
                Some(f) => (f, op::CALL_PY_EXACT_ARGS),
                None => (defaults_args_function(callable, oparg, with_self)?, op::CALL_PY_WITH_DEFAULTS),
            };
            write_cache(code, ip, layout::CALL_FUNC_VERSION, 2, f.version.get() as u64);
            Some(specialized)
        }
        Kind::BoundMethod if self_or_null.is_null() => {
            let m = callable.downcast::<BoundMethodData>()?;
            let f = exact_args_function(m.func, oparg, true)?;
            write_cache(code, ip, layout::CALL_FUNC_VERSION, 2, f.version.get() as u64);
            Some(op::CALL_BOUND_METHOD_EXACT_ARGS)
        }
        Kind::BuiltinFunction => {
            let b = callable.downcast::<BuiltinFunctionData>()?;
            if b.owner.is_null() && b.name == "len" && oparg == 1 && self_or_null.is_null() {
                Some(op::CALL_LEN)
            } else if b.owner.is_null() && b.name == "isinstance" && oparg == 2 && self_or_null.is_null() {
                Some(op::CALL_ISINSTANCE)
            } else if b.owner == types().list && b.name == "append" && oparg == 1 && !self_or_null.is_null() {
                Some(op::CALL_LIST_APPEND)
            } else {
                Some(op::CALL_BUILTIN_FAST)
            }
        }
        Kind::Type if !self_or_null.is_null() => None,
        Kind::Type => {
            let t = callable.downcast::<TypeData>()?;
            if !t.is_heap_type {
                return Some(op::CALL_BUILTIN_CLASS);
            }
            let (type_version, _init) = crate::runtime::classes::init_for_specialized_call(callable, oparg)?;
            write_cache(code, ip, layout::CALL_FUNC_VERSION, 2, type_version as u64);
            Some(op::CALL_ALLOC_AND_ENTER_INIT)
        }
        _ => None,
    }
}

/// A specialized instruction's guard failed: count it, and after enough failures
/// revert the instruction to its generic form.
pub fn on_deopt(vm: &mut Vm, code: &CodeData, ip: usize, family: u8) {
    let deopts = &mut vm.stats.deopts;
    if deopts.is_empty() {
        deopts.resize(256, 0);
    }
    deopts[family as usize] += 1;
    let unit = &code.units[ip];
    if unit.get() & 0xff == family as u16 {
        return;
    }
    let counter = code.units[ip + 1].get();
    if counters::triggers(counter) {
        unit.set((unit.get() & 0xff00) | family as u16);
        code.units[ip + 1].set(counters::backed_off(counters::make(0, 0)));
    } else {
        code.units[ip + 1].set(counters::decrement(counter));
    }
}

/// Executor slots a code object can have: ENTER_EXECUTOR's oparg byte indexes them.
const MAX_EXECUTORS: usize = 256;

fn has_free_slot(code: &CodeData) -> bool {
    let slots = code.executors.borrow();
    slots.len() < MAX_EXECUTORS || slots.iter().any(Option::is_none)
}

/// The back edge at `ip` is hot: offer it to the optimizer. Returns true when an
/// executor was installed (the instruction is now ENTER_EXECUTOR).
pub fn back_edge_hot(vm: &mut Vm, code_ref: StackRef, code: &CodeData, ip: usize) -> bool {
    vm.stats.hot_back_edges += 1;
    // Without a free slot an executor could not be installed: do not build one.
    let optimizer = if has_free_slot(code) { vm.optimizer.take() } else { None };
    let executor = match optimizer {
        Some(mut optimizer) => {
            let result = optimizer.optimize(vm, code_ref, ip);
            vm.optimizer = Some(optimizer);
            result
        }
        None => None,
    };
    if let Some(executor) = executor {
        if install_executor(code, ip, executor) {
            vm.stats.executors_installed += 1;
            return true;
        }
    }
    let counter = code.units[ip + 1].get();
    code.units[ip + 1].set(counters::backed_off(counter));
    false
}

/// Stores `executor` in a free slot of `code` (an emptied one first) and rewrites the
/// JUMP_BACKWARD at `ip` to ENTER_EXECUTOR with the slot index as its oparg's low byte
/// (EXTENDED_ARG prefixes stay). The cache unit, whose counter is not needed while the
/// executor is installed, keeps the replaced oparg byte (as the counter value) and the
/// back edge's backoff exponent: ENTER_EXECUTOR can act as the back edge even without
/// its executor, and repeated uninstalls back off exponentially. False (and the executor
/// is dropped) when all slots are taken.
fn install_executor(code: &CodeData, ip: usize, executor: Rc<dyn Executor>) -> bool {
    let word = code.units[ip].get();
    debug_assert_eq!(word & 0xff, op::JUMP_BACKWARD as u16, "executors replace back edges");
    let low_byte = word >> 8;
    debug_assert_eq!(executor.original_oparg() & 0xff, low_byte as u32, "original_oparg of the executor");
    let slot = {
        let mut executors = code.executors.borrow_mut();
        match executors.iter().position(Option::is_none) {
            Some(free) => {
                executors[free] = Some(executor);
                Ok(free)
            }
            None if executors.len() < MAX_EXECUTORS => {
                executors.push(Some(executor));
                Ok(executors.len() - 1)
            }
            None => Err(executor),
        }
    };
    // A rejected executor is dropped here, once the slots are no longer borrowed.
    let Ok(index) = slot else { return false };
    let exponent = counters::backoff(code.units[ip + 1].get());
    code.units[ip + 1].set(counters::make(low_byte, exponent));
    code.units[ip].set(((index as u16) << 8) | op::ENTER_EXECUTOR as u16);
    true
}

/// Uninstalls the executor of the back edge at `ip`, if the instruction there is
/// ENTER_EXECUTOR: it becomes JUMP_BACKWARD again with the low byte of
/// `original_oparg` (the executor's `original_oparg`), its counter backed off so the loop
/// does not re-trace at once (a zero counter backed off from the exponent it had when the
/// executor was installed: each uninstall doubles the wait), and its slot is emptied for
/// reuse. A root executor calls this from `Executor::invalidate`, once: it removes
/// whichever executor is installed at `ip`. An executor that is running keeps running
/// (ENTER_EXECUTOR holds an `Rc` to it).
pub fn uninstall_executor(code: &CodeData, ip: usize, original_oparg: u32) {
    let Some(unit) = code.units.get(ip) else { return };
    let word = unit.get();
    if word & 0xff != op::ENTER_EXECUTOR as u16 {
        return;
    }
    let kept = code.units[ip + 1].get();
    debug_assert_eq!(counters::value(kept) as u32, original_oparg & 0xff, "the replaced oparg byte");
    unit.set((((original_oparg & 0xff) as u16) << 8) | op::JUMP_BACKWARD as u16);
    code.units[ip + 1].set(counters::backed_off(counters::make(0, counters::backoff(kept))));
    let index = (word >> 8) as usize;
    let removed = code.executors.borrow_mut().get_mut(index).and_then(Option::take);
    if removed.is_some() {
        watchers::count_uninstall();
    }
    // Dropped once the slots are no longer borrowed.
    drop(removed);
}
