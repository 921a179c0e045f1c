//! Calling: pushing frames for Python functions (binding arguments as CPython does),
//! calling builtins, bound methods and types, and the safepoint.

use crate::compiler::code::code_flags;
use crate::heap::{self, Handle};
use crate::objects::code::CodeData;
use crate::objects::dict::DictData;
use crate::objects::function::{Args, BoundMethodData, BuiltinFunctionData, FunctionData};
use crate::objects::kind::Kind;
use crate::objects::new;
use crate::objects::str::text_of as str_of;
use crate::objects::tuple::TupleData;
use crate::runtime::errors::{type_error, ExcType, PyErr};
use crate::runtime::frame::Frame;
use crate::runtime::types::{type_name_of, types};
use crate::runtime::{Vm, DATA_STACK_SLOTS, MAX_FRAMES, STACK_SLACK};
use crate::value::StackRef;
use crate::PyResult;

/// What the function-by-version cache knows of one version.
#[derive(Clone, Copy)]
struct VersionEntry {
    code: StackRef,
    /// The globals dict every function of this version was created with; NULL once two
    /// different dicts were seen.
    globals: StackRef,
}

thread_local! {
    /// The function-by-version cache: function version -> code object and globals. Code
    /// objects are immortal, so a call can still be projected after its function is
    /// gone; so are module globals dicts (functions made with a non-immortal dict as
    /// globals are not remembered by it: an address may be reused).
    static FUNCTION_BY_VERSION: std::cell::RefCell<std::collections::HashMap<u32, VersionEntry>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// The text of a str value without copying it ("" for anything else).
fn text_ref(value: StackRef) -> &'static str {
    value.downcast::<crate::objects::str::StrData>().map_or("", |s| &s.value)
}

/// The version for a new function running `code` with `globals`: the code object's own
/// version, so every function made from one code object shares it. Records the code and
/// the globals in the function-by-version cache.
pub fn function_version_for(code_ref: StackRef, code: &CodeData, globals: StackRef) -> u32 {
    // Only an immortal dict identifies one dict for good (see FUNCTION_BY_VERSION).
    let globals = if globals.is_immortal() { globals } else { StackRef::NULL };
    FUNCTION_BY_VERSION.with(|cache| {
        let mut cache = cache.borrow_mut();
        let entry = cache.entry(code.version).or_insert(VersionEntry { code: code_ref, globals });
        if entry.globals != globals {
            entry.globals = StackRef::NULL;
        }
    });
    code.version
}

/// The code object of a function version, if one was ever created.
pub fn code_for_function_version(version: u32) -> Option<StackRef> {
    FUNCTION_BY_VERSION.with(|cache| cache.borrow().get(&version).map(|e| e.code))
}

/// The globals dict all functions of `version` were created with; None if no function
/// of it was created, or two of them had different globals.
pub fn globals_for_function_version(version: u32) -> Option<StackRef> {
    FUNCTION_BY_VERSION.with(|cache| cache.borrow().get(&version).map(|e| e.globals).filter(|g| !g.is_null()))
}

impl Vm {
    /// Reserves a frame for `code` on the data stack, with NULL locals.
    fn alloc_frame(&mut self, code_ref: StackRef, func: StackRef, globals: StackRef) -> PyResult<usize> {
        let code = code_ref.downcast::<CodeData>().expect("a code object");
        self.check_frame_room()?;
        let nlocals = code.local_count();
        let need = nlocals + code.stack_size as usize + STACK_SLACK;
        let base = self.data_top;
        if base + need > DATA_STACK_SLOTS {
            return Err(PyErr::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        self.data_stack[base..base + nlocals].fill(StackRef::NULL.bits());
        let localsplus = self.data_stack.as_mut_ptr().wrapping_add(base).cast::<StackRef>();
        let stack_base = localsplus.wrapping_add(nlocals);
        self.data_top = base + need;
        self.frames.push(Frame {
            code,
            code_ref,
            func,
            globals,
            builtins: self.builtins,
            locals_dict: StackRef::NULL,
            localsplus,
            stack_base,
            sp: stack_base,
            ip: 0,
            return_ip: 0,
            entry: false,
            data_base: base,
            generator: StackRef::NULL,
            resumer: crate::runtime::frame::Resumer::Rust,
            caller_exc: StackRef::NULL,
        });
        Ok(self.frames.len() - 1)
    }

    /// RecursionError when no further frame may be pushed.
    pub(crate) fn check_frame_room(&self) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit.min(MAX_FRAMES) {
            return Err(PyErr::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Pushes a frame running `code` directly (module and class bodies).
    pub fn push_code_frame(&mut self, code: StackRef, func: StackRef, globals: StackRef) -> PyResult<()> {
        self.alloc_frame(code, func, globals).map(|_| ())
    }

    /// Pops the top frame for good, releasing its data-stack region; a generator's
    /// frame also completes its generator (see `runtime::generators`).
    pub fn pop_frame(&mut self) {
        let top = self.frames.last().expect("a frame to pop");
        self.data_top = top.data_base;
        if top.generator.is_null() {
            // Frames need no drop: shortening the vector is the whole pop, without
            // moving the frame out.
            self.frames.truncate(self.frames.len() - 1);
            return;
        }
        let frame = self.frames.pop().expect("a frame to pop");
        self.finish_generator_frame(&frame);
    }

    /// Pushes a frame for a function called with exactly its positional parameters
    /// (the CALL_PY_EXACT_ARGS fast path).
    pub fn push_frame_exact(&mut self, func: StackRef, args: &[StackRef]) -> PyResult<()> {
        let f = func.downcast::<FunctionData>().expect("a function");
        let index = self.alloc_frame(f.code, func, f.globals)?;
        let frame = &self.frames[index];
        let locals = frame.locals();
        for (i, a) in args.iter().enumerate() {
            locals.set(i, *a);
        }
        Ok(())
    }

    /// Pushes a frame for a function called with fewer positional arguments than it has
    /// parameters, nothing else to bind, and defaults for the rest (the
    /// CALL_PY_WITH_DEFAULTS fast path, whose guard checked that they cover it).
    pub fn push_frame_with_defaults(&mut self, func: StackRef, args: &[StackRef]) -> PyResult<()> {
        let f = func.downcast::<FunctionData>().expect("a function");
        let index = self.alloc_frame(f.code, func, f.globals)?;
        let arg_count = self.frames[index].code.arg_count as usize;
        let defaults = f.default_values();
        let locals = self.frames[index].locals();
        let filled = args.iter().chain(&defaults[defaults.len() + args.len() - arg_count..]);
        for (i, value) in filled.enumerate() {
            locals.set(i, *value);
        }
        Ok(())
    }

    /// Pushes a frame for a keyword call of a Python function (CALL_KW_PY): `values`
    /// are the positional then the keyword arguments, `kwnames` the tuple naming the
    /// latter.
    pub fn push_frame_keywords(&mut self, func: StackRef, values: &[StackRef], kwnames: StackRef) -> PyResult<()> {
        let names = &kwnames.downcast::<TupleData>().expect("a CALL_KW names tuple").items;
        self.push_function_frame(func, Args { values, kwnames: names })
    }

    /// Pushes the two frames of CALL_ALLOC_AND_ENTER_INIT: the init-cleanup shim
    /// (`classes::init_cleanup_code`) with the new instance `values[0]` on its stack and
    /// its return point at its first instruction, then the frame of `init`, a function
    /// taking exactly `values` (the instance, then the arguments). On error (the
    /// recursion limit) neither is left pushed.
    pub fn push_init_frames(&mut self, init: StackRef, values: &[StackRef]) -> PyResult<()> {
        let globals = init.downcast::<FunctionData>().expect("a function").globals;
        let shim = self.alloc_frame(crate::runtime::classes::init_cleanup_code(), StackRef::NULL, globals)?;
        let frame = &mut self.frames[shim];
        let mut sp = frame.stack();
        sp.push(values[0]);
        frame.sp = sp.raw();
        if let Err(e) = self.push_frame_exact(init, values) {
            self.pop_frame();
            return Err(e);
        }
        Ok(())
    }

    /// Pushes a frame for a Python function call, binding arguments.
    pub fn push_function_frame(&mut self, func: StackRef, args: Args<'_>) -> PyResult<()> {
        let f = func.downcast::<FunctionData>().expect("a function");
        let index = self.alloc_frame(f.code, func, f.globals)?;
        if let Err(e) = self.bind_arguments(index, f, args) {
            self.pop_frame();
            return Err(e);
        }
        Ok(())
    }

    fn bind_arguments(&mut self, index: usize, f: &FunctionData, args: Args<'_>) -> PyResult<()> {
        let code = f.code.downcast::<CodeData>().expect("code");
        let locals = self.frames[index].locals();
        // Only error messages need the name: built when one is.
        let qualname = || str_of(f.qualname.get());
        let argcount = code.arg_count as usize;
        let kwonly = code.kwonly_arg_count as usize;
        let has_varargs = code.flags & code_flags::VARARGS != 0;
        let positional = args.pos();
        for (i, v) in positional[..positional.len().min(argcount)].iter().enumerate() {
            locals.set(i, *v);
        }
        // The common call: exactly the positional parameters, nothing else to bind.
        if args.kwnames.is_empty()
            && positional.len() == argcount
            && kwonly == 0
            && code.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
        {
            return Ok(());
        }
        // CPython's order: *args, then keywords, then the count of positionals.
        if has_varargs {
            let extra: Vec<StackRef> = positional.iter().skip(argcount).copied().collect();
            locals.set(argcount + kwonly, new::tuple(extra));
        }
        let kwargs_dict = if code.flags & code_flags::VARKEYWORDS != 0 {
            let dict = new::dict();
            locals.set(argcount + kwonly + has_varargs as usize, dict);
            dict
        } else {
            StackRef::NULL
        };
        let posonly = code.posonly_arg_count as usize;
        for (name, value) in args.kw() {
            let key = text_ref(name);
            let slot = (posonly..argcount + kwonly).find(|i| text_ref(code.varnames[*i]) == key);
            match slot {
                Some(i) => {
                    if !locals.get(i).is_null() {
                        return Err(type_error(format!("{}() got multiple values for argument '{key}'", qualname())));
                    }
                    locals.set(i, value);
                }
                None if !kwargs_dict.is_null() => crate::ops::dict_set(self, kwargs_dict, name, value)?,
                None => {
                    let passed_posonly: Vec<&str> = (0..posonly)
                        .map(|i| text_ref(code.varnames[i]))
                        .filter(|p| args.kwnames.iter().any(|n| text_ref(*n) == *p))
                        .collect();
                    if !passed_posonly.is_empty() {
                        return Err(type_error(format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            qualname(),
                            passed_posonly.join(", ")
                        )));
                    }
                    return Err(type_error(format!("{}() got an unexpected keyword argument '{key}'", qualname())));
                }
            }
        }
        if !has_varargs && positional.len() > argcount {
            let defaults = f.defaults.get().downcast::<TupleData>().map(|t| t.items.len()).unwrap_or(0);
            let (takes, plural) = if defaults > 0 {
                (format!("from {} to {}", argcount - defaults, argcount), true)
            } else {
                (argcount.to_string(), argcount != 1)
            };
            let given = positional.len();
            let kwonly_given = (argcount..argcount + kwonly).filter(|i| !locals.get(*i).is_null()).count();
            let kwonly_note = if kwonly_given > 0 {
                format!(
                    " positional argument{} (and {kwonly_given} keyword-only argument{})",
                    if given != 1 { "s" } else { "" },
                    if kwonly_given != 1 { "s" } else { "" }
                )
            } else {
                String::new()
            };
            return Err(type_error(format!(
                "{}() takes {takes} positional argument{} but {given}{kwonly_note} {} given",
                qualname(),
                if plural { "s" } else { "" },
                if given == 1 && kwonly_given == 0 { "was" } else { "were" }
            )));
        }
        // Defaults for missing positionals.
        if let Some(defaults) = f.defaults.get().downcast::<TupleData>() {
            let first_default = argcount - defaults.items.len();
            for (j, d) in defaults.items.iter().enumerate() {
                if locals.get(first_default + j).is_null() {
                    locals.set(first_default + j, *d);
                }
            }
        }
        let missing: Vec<String> = (0..argcount)
            .filter(|i| locals.get(*i).is_null())
            .map(|i| format!("'{}'", str_of(code.varnames[i])))
            .collect();
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qualname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        if kwonly > 0 {
            let kwdefaults = f.kwdefaults.get().downcast::<DictData>();
            let mut missing_kw = Vec::new();
            for i in argcount..argcount + kwonly {
                if locals.get(i).is_null() {
                    let default = kwdefaults.and_then(|d| crate::runtime::types::dict_get_str(d, code.varnames[i]));
                    match default {
                        Some(v) => locals.set(i, v),
                        None => missing_kw.push(format!("'{}'", str_of(code.varnames[i]))),
                    }
                }
            }
            if !missing_kw.is_empty() {
                return Err(type_error(format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    qualname(),
                    missing_kw.len(),
                    if missing_kw.len() == 1 { "" } else { "s" },
                    join_names(&missing_kw)
                )));
            }
        }
        Ok(())
    }

    /// Runs the top frame as an entry frame to completion.
    pub fn run_top_frame(&mut self) -> PyResult<StackRef> {
        self.frames.last_mut().expect("frame").entry = true;
        crate::tier1::eval::run(self)
    }

    /// Calls any callable with positional arguments.
    pub fn call(&mut self, callable: StackRef, args: &[StackRef]) -> PyResult<StackRef> {
        self.call_args(callable, Args::positional(args))
    }

    /// Calls any callable.
    pub fn call_args(&mut self, callable: StackRef, args: Args<'_>) -> PyResult<StackRef> {
        match callable.kind() {
            Kind::Function => {
                self.push_function_frame(callable, args)?;
                self.run_top_frame()
            }
            Kind::BuiltinFunction => {
                let f = callable.downcast::<BuiltinFunctionData>().expect("builtin");
                self.call_builtin(f, args.values, args.kwnames)
            }
            Kind::BoundMethod => {
                let m = callable.downcast::<BoundMethodData>().expect("method");
                let mut values = Vec::with_capacity(args.values.len() + 1);
                values.push(m.receiver);
                values.extend_from_slice(args.values);
                let (func, _keep) = (m.func, Handle::new(callable));
                self.call_args(func, Args { values: &values, kwnames: args.kwnames })
            }
            Kind::Type => crate::runtime::classes::call_type(self, callable, args),
            _ => {
                let call = crate::runtime::types::lookup(crate::runtime::types::type_of(callable), types().dunder.call);
                if let Some(call) = call {
                    let mut values = Vec::with_capacity(args.values.len() + 1);
                    values.push(callable);
                    values.extend_from_slice(args.values);
                    return self.call_args(call, Args { values: &values, kwnames: args.kwnames });
                }
                Err(type_error(format!("'{}' object is not callable", type_name_of(callable))))
            }
        }
    }

    /// Calls a builtin function (prepending its bound receiver, if any).
    pub fn call_builtin(
        &mut self,
        f: &BuiltinFunctionData,
        values: &[StackRef],
        kwnames: &[StackRef],
    ) -> PyResult<StackRef> {
        if f.bound_self.is_null() {
            (f.func)(self, Args { values, kwnames })
        } else {
            let mut all = Vec::with_capacity(values.len() + 1);
            all.push(f.bound_self);
            all.extend_from_slice(values);
            (f.func)(self, Args { values: &all, kwnames })
        }
    }

    /// The attribute `name` of type(obj), looked up along the MRO (no binding).
    pub fn lookup_special(&self, obj: StackRef, name: &str) -> Option<StackRef> {
        crate::runtime::types::lookup(crate::runtime::types::type_of(obj), new::intern(name))
    }

    /// Calls type(obj).name(obj, *args) if the type has it.
    pub fn call_special(&mut self, obj: StackRef, name: &str, args: &[StackRef]) -> PyResult<Option<StackRef>> {
        let Some(method) = self.lookup_special(obj, name) else { return Ok(None) };
        let mut values = Vec::with_capacity(args.len() + 1);
        values.push(obj);
        values.extend_from_slice(args);
        self.call(method, &values).map(Some)
    }

    /// obj.name(*args).
    pub fn call_method(&mut self, obj: StackRef, name: &str, args: &[StackRef]) -> PyResult<StackRef> {
        let (method, receiver) = self.load_method(obj, new::intern(name))?;
        if receiver.is_null() {
            let keep = Handle::new(method);
            self.call(keep.get(), args)
        } else {
            let mut values = Vec::with_capacity(args.len() + 1);
            values.push(receiver);
            values.extend_from_slice(args);
            self.call(method, &values)
        }
    }

    /// Whether the next safepoint has work to do.
    #[inline(always)]
    pub fn safepoint_due(&self) -> bool {
        heap::safepoint_work_due() || self.interrupted.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A safepoint of tier 1: raise KeyboardInterrupt after Ctrl-C, collect garbage
    /// when due, then run the finalizers of what the collections found (closing
    /// unreachable generators). Every frame's `sp` must be in memory.
    #[cold]
    pub fn safepoint(&mut self) -> PyResult<()> {
        self.safepoint_in_trace()?;
        if heap::finalizers_pending() {
            self.run_generator_finalizers();
        }
        Ok(())
    }

    /// A safepoint inside a trace: as `safepoint`, but finalizers wait for tier 1
    /// (they run arbitrary code, which a trace does not expect at its back edge).
    #[cold]
    pub fn safepoint_in_trace(&mut self) -> PyResult<()> {
        if self.interrupted.swap(false, std::sync::atomic::Ordering::Relaxed) {
            return Err(PyErr::bare(ExcType::KeyboardInterrupt));
        }
        if heap::collection_due() {
            self.collect_garbage();
        }
        Ok(())
    }

    /// Turns the operand of `raise X` into an exception (instantiating classes).
    pub fn exception_from_raise_arg(&mut self, value: StackRef) -> PyResult<PyErr> {
        let base = ExcType::BaseException.class();
        if value.downcast::<crate::objects::types::TypeData>().is_some() {
            if crate::runtime::types::is_subclass(value, base) {
                let exc = self.call(value, &[])?;
                return Ok(PyErr::from_exception(exc));
            }
        } else if crate::runtime::types::is_instance(value, base) {
            return Ok(PyErr::from_exception(value));
        }
        Err(type_error("exceptions must derive from BaseException"))
    }

    /// `raise exc from cause`.
    pub fn set_cause(&mut self, err: &PyErr, cause: StackRef) -> PyResult<()> {
        let exc = err.exception().downcast::<crate::objects::exception::ExceptionData>().expect("exception");
        let cause =
            if cause == types().none { StackRef::NULL } else { self.exception_from_raise_arg(cause)?.exception() };
        heap::replace(&exc.cause, cause);
        exc.suppress_context.set(true);
        Ok(())
    }

    /// Called when an exception is raised (not re-raised): chains the exception being
    /// handled as its context.
    pub fn note_raise(&mut self, err: &PyErr) {
        let handled = self.topmost_handled();
        if handled == types().none || handled == err.exception() {
            return;
        }
        if let Some(exc) = err.exception().downcast::<crate::objects::exception::ExceptionData>() {
            if exc.context.get().is_null() {
                heap::replace(&exc.context, handled);
            }
        }
    }

    /// Records that the exception passed through `code` at code unit `unit`. The
    /// init-cleanup shim is left out, as CPython leaves it out.
    pub fn add_traceback(&mut self, err: &PyErr, code: StackRef, unit: usize) {
        if crate::runtime::classes::is_init_cleanup_code(code) {
            return;
        }
        if let Some(exc) = err.exception().downcast::<crate::objects::exception::ExceptionData>() {
            exc.traceback.borrow_mut().push(crate::objects::exception::TracebackEntry { code, unit });
        }
    }
}

/// How CPython's errors about a call name the callable (`_PyObject_FunctionStr`):
/// "module.qualname()" for functions, methods and classes defined outside builtins,
/// "qualname()" for builtins, and str() of anything else.
pub fn function_str(vm: &mut Vm, callable: StackRef) -> PyResult<String> {
    if let Some(m) = callable.downcast::<BoundMethodData>() {
        return function_str(vm, m.func);
    }
    if let Some(f) = callable.downcast::<FunctionData>() {
        let module = f
            .globals
            .downcast::<DictData>()
            .and_then(|g| crate::runtime::types::dict_get_str(g, new::intern("__name__")));
        let qualname = str_of(f.qualname.get());
        return Ok(match module.and_then(|m| m.downcast::<crate::objects::str::StrData>()) {
            Some(m) if &*m.value != "builtins" => format!("{}.{qualname}()", m.value),
            _ => format!("{qualname}()"),
        });
    }
    if let Some(b) = callable.downcast::<BuiltinFunctionData>() {
        return Ok(match b.owner.downcast::<crate::objects::types::TypeData>() {
            Some(owner) => format!("{}.{}()", owner.name, b.name),
            None => format!("{}()", b.name),
        });
    }
    if let Some(t) = callable.downcast::<crate::objects::types::TypeData>() {
        return Ok(if t.is_heap_type { format!("__main__.{}()", t.name) } else { format!("{}()", t.name) });
    }
    let text = crate::ops::str(vm, callable)?;
    Ok(str_of(text))
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => format!("{}, and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
    }
}
