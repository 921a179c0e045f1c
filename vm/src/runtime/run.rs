//! Running a program: compiling source into a code object value and executing it as
//! the `__main__` module.

use std::cell::{Cell, RefCell};

use crate::compiler::code::{CompiledCode, Constant};
use crate::heap;
use crate::objects::code::CodeData;
use crate::objects::module::ModuleData;
use crate::objects::new;
use crate::runtime::types::{bool_value, none, types};
use crate::runtime::Vm;
use crate::tier1::counters;
use crate::value::StackRef;
use crate::PyResult;

thread_local! {
    static NEXT_CODE_VERSION: Cell<u32> = const { Cell::new(1) };
}

/// Turns a compile-time constant into an (immortal) value.
fn constant_value(constant: &Constant) -> StackRef {
    let value = match constant {
        Constant::None => none(),
        Constant::Ellipsis => types().ellipsis,
        Constant::Bool(b) => bool_value(*b),
        Constant::Int(i) => new::bigint(i.clone()),
        Constant::Float(f) => new::float(*f),
        Constant::Complex { real, imag } => new::complex(*real, *imag),
        Constant::Str(s) => new::intern(s),
        Constant::Bytes(b) => new::bytes(b.clone()),
        Constant::Tuple(items) => new::tuple(items.iter().map(constant_value).collect()),
        Constant::FrozenSet(items) => {
            let keys: Vec<StackRef> = items.iter().map(constant_value).collect();
            crate::ops::sets::frozenset_of_simple_keys(&keys)
        }
        Constant::Code(code) => code_object(code),
    };
    heap::make_immortal(value);
    value
}

/// Makes a live code object (immortal) from compiler output, with adaptive counters
/// initialised.
pub fn code_object(compiled: &CompiledCode) -> StackRef {
    let units: Vec<Cell<u16>> = compiled.units.iter().map(|u| Cell::new(*u)).collect();
    initialise_counters(&units);
    let version = NEXT_CODE_VERSION.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    });
    let data = CodeData {
        name: compiled.name.clone(),
        qualname: compiled.qualname.clone(),
        filename: compiled.filename.clone(),
        first_line: compiled.first_line,
        arg_count: compiled.arg_count,
        posonly_arg_count: compiled.posonly_arg_count,
        kwonly_arg_count: compiled.kwonly_arg_count,
        flags: compiled.flags,
        units: units.into_boxed_slice(),
        constants: compiled.constants.iter().map(constant_value).collect(),
        names: compiled.names.iter().map(|n| new::intern(n)).collect(),
        varnames: compiled.varnames.iter().map(|n| new::intern(n)).collect(),
        cellvars: compiled.cellvars.iter().map(|n| new::intern(n)).collect(),
        freevars: compiled.freevars.iter().map(|n| new::intern(n)).collect(),
        localsplus_names: compiled.localsplus_names().iter().map(|n| new::intern(n)).collect(),
        locations: compiled.locations.clone().into_boxed_slice(),
        exception_table: compiled.exception_table.clone().into_boxed_slice(),
        stack_size: compiled.stack_size,
        version,
        executors: RefCell::new(Vec::new()),
    };
    let code = heap::alloc(types().code, data);
    heap::make_immortal(code);
    code
}

/// Sets the counter cache entry of every adaptive instruction to its warm-up value.
fn initialise_counters(units: &[Cell<u16>]) {
    use crate::opcodes::{op, INSTRUCTIONS};
    let mut i = 0;
    while i < units.len() {
        let opcode = (units[i].get() & 0xff) as usize;
        let info = &INSTRUCTIONS[opcode];
        if opcode == op::JUMP_BACKWARD as usize {
            units[i + 1].set(counters::make(counters::JUMP_BACKWARD_WARMUP, 0));
        } else if info.adaptive {
            units[i + 1].set(counters::make(counters::WARMUP, 0));
        }
        i += 1 + info.cache_units;
    }
}

impl Vm {
    /// Creates (or returns) the `__main__` module's globals dict.
    pub fn main_globals(&mut self) -> StackRef {
        if let Some(m) = self.modules.get("__main__") {
            return m.downcast::<ModuleData>().expect("module").dict;
        }
        let dict = new::dict();
        heap::make_immortal(dict);
        let d = dict.downcast::<crate::objects::dict::DictData>().expect("dict");
        new::dict_set_str(d, new::intern("__name__"), new::intern("__main__"));
        new::dict_set_str(d, new::intern("__builtins__"), self.builtins);
        let module = heap::alloc(types().module, ModuleData { name: "__main__".into(), dict });
        heap::make_immortal(module);
        self.modules.insert("__main__".into(), module);
        dict
    }

    /// Runs compiled module code in `__main__`.
    pub fn run_module_code(&mut self, compiled: &CompiledCode) -> PyResult<StackRef> {
        let code = code_object(compiled);
        let globals = self.main_globals();
        self.push_code_frame(code, StackRef::NULL, globals)?;
        self.run_top_frame()
    }

    /// Shutting down, as CPython does when it frees `__main__`: its globals are let go
    /// in insertion order, and after each what became unreachable is collected, with
    /// its finalizers run (so the `finally` of a suspended generator a global held
    /// runs, in CPython's order).
    pub fn shut_down(&mut self) {
        let Some(module) = self.modules.get("__main__").copied() else { return };
        let dict = module.downcast::<ModuleData>().expect("module").dict;
        let d = dict.downcast::<crate::objects::dict::DictData>().expect("dict");
        for index in 0..d.entry_count() {
            let Some(old) = d.value_at(index) else { continue };
            if old == self.builtins {
                continue;
            }
            d.set_value_at(index, none());
            if old.is_heap() && !old.is_immortal() {
                self.collect_and_finalize();
            }
        }
        self.count_suspended_generators();
        crate::heap::collect_cycles(&mut |visit| self.walk_roots(visit));
        self.collect_and_finalize();
    }

    /// Collects, then runs the finalizers that asks for, until none is left (bounded:
    /// a finalizer may make more garbage that needs finalizing).
    fn collect_and_finalize(&mut self) {
        for _ in 0..16 {
            self.collect_garbage();
            if !heap::finalizers_pending() {
                return;
            }
            self.run_generator_finalizers();
        }
    }
}
