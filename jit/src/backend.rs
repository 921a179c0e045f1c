//! The Cranelift backend tier 2 compiles executors through: lowering, compilation for
//! the host ISA, code memory, and the `-X jit-dump` and `-X perf` outputs. Also the
//! run of a compiled trace.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{Function, Signature};
use cranelift_codegen::isa::TargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, FuncId, Linkage, Module};
use sidewinder_tier2::executor::TraceExecutor;
use sidewinder_tier2::native::{Backend, NativeCode, Outcome};
use sidewinder_vm::heap;
use sidewinder_vm::runtime::Vm;
use sidewinder_vm::{ExcType, PyErr};

use crate::code_memory::{CodeBudget, CodeModule, DEFAULT_CODE_LIMIT};
use crate::context::{EntryCell, JitContext, RETURN_ERROR};
use crate::layout::Layout;
use crate::lower::{lower_trace, TraceInput};

/// The JIT's settings, from `-X` options.
#[derive(Clone, Debug, Default)]
pub struct JitConfig {
    /// `-X jit-dump[=DIR]`: append IR and disassembly to tier 2's dump.
    pub dump: Option<Option<PathBuf>>,
    /// `-X perf`: write /tmp/perf-<pid>.map.
    pub perf_map: bool,
    /// `-X jit-code-limit=BYTES`.
    pub code_limit: Option<usize>,
    /// `-X jit-cross-aarch64`: also lower and compile every trace for
    /// aarch64-unknown-linux-gnu, with the verifier on (for the cross-ISA test).
    pub cross_aarch64: bool,
    /// `-X jit-peel=0`: lower loops once, writing every local back at the back edge.
    pub no_peel: bool,
}

impl JitConfig {
    pub fn from_x_options(options: &[String]) -> JitConfig {
        let mut config = JitConfig::default();
        for option in options {
            let (key, value) = match option.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (option.as_str(), None),
            };
            match key {
                "jit-dump" => config.dump = Some(value.filter(|v| !v.is_empty()).map(PathBuf::from)),
                "perf" => config.perf_map = true,
                "jit-code-limit" => config.code_limit = value.and_then(|v| v.parse().ok()),
                "jit-cross-aarch64" => config.cross_aarch64 = true,
                "jit-peel" => config.no_peel = value == Some("0"),
                _ => {}
            }
        }
        config
    }
}

/// Counters for `-X jit-stats`.
#[derive(Default)]
struct JitStats {
    compiled: Cell<u64>,
    failed: Cell<u64>,
    compile_time: Cell<Duration>,
    code_bytes: Cell<u64>,
    native_runs: Cell<u64>,
    cross_compiled: Cell<u64>,
    cross_failures: Cell<u64>,
    /// Jumps from trace to trace in compiled code (bumped by the code itself).
    chained: Cell<u64>,
}

/// Builds the ISA of the host, with the settings the JIT uses.
pub fn host_isa() -> Result<Arc<dyn TargetIsa>, String> {
    let isa_builder = cranelift_native::builder().map_err(|e| e.to_string())?;
    isa_builder.finish(settings::Flags::new(jit_flags())).map_err(|e| e.to_string())
}

/// Builds the ISA for `triple` (any ISA this build supports, whatever the host), with
/// the JIT's settings and the IR verifier on.
pub fn isa_for(triple: &str) -> Result<Arc<dyn TargetIsa>, String> {
    let triple: target_lexicon::Triple = triple.parse().map_err(|e| format!("{e:?}"))?;
    let isa_builder = cranelift_codegen::isa::lookup(triple).map_err(|e| e.to_string())?;
    let mut flags = jit_flags();
    flags.set("enable_verifier", "true").expect("a known flag");
    isa_builder.finish(settings::Flags::new(flags)).map_err(|e| e.to_string())
}

/// Lowers and compiles a trace for `isa` without loading the code; answers the code
/// size. Used to check the lowering on another ISA.
pub fn compile_for_isa(input: &TraceInput, isa: &dyn TargetIsa) -> Result<usize, String> {
    let mut func = Function::new();
    let mut builder_context = FunctionBuilderContext::new();
    lower_trace(&mut func, &mut builder_context, input, isa.default_call_conv(), isa.frontend_config());
    let mut context = Context::for_function(func);
    let compiled =
        context.compile(isa, &mut ControlPlane::default()).map_err(|e| format!("cranelift: {:?}", e.inner))?;
    Ok(compiled.code_buffer().len())
}

/// The shared Cranelift flags (also used for the aarch64 test).
pub fn jit_flags() -> settings::Builder {
    let mut flags = settings::builder();
    flags.set("opt_level", "speed").expect("a known flag");
    flags.set("is_pic", "false").expect("a known flag");
    flags.set("preserve_frame_pointers", "true").expect("a known flag");
    // The IR verifier costs a fifth of compile time: on in debug builds (and for the
    // cross-ISA check), off in release.
    let verify = if cfg!(debug_assertions) { "true" } else { "false" };
    flags.set("enable_verifier", verify).expect("a known flag");
    flags
}

/// The entry from Rust: `fn(code, ctx) -> u32` in the host's C convention, calling a
/// trace (whose convention is `tail`).
type TrampolineFn = unsafe extern "C" fn(*const u8, *mut JitContext) -> u32;

/// What compiling needs from Cranelift, made at the first compile (so that a program
/// that never gets hot pays nothing for it).
struct Machine {
    isa: Arc<dyn TargetIsa>,
    /// The trampoline's module (never freed) and the trampoline.
    _trampoline_module: CodeModule,
    trampoline: TrampolineFn,
    aarch64: Option<Arc<dyn TargetIsa>>,
}

impl Machine {
    fn new(config: &JitConfig) -> Result<Machine, String> {
        let isa = host_isa()?;
        let (trampoline_module, trampoline) = compile_trampoline(&isa)?;
        let aarch64 = if config.cross_aarch64 { Some(isa_for("aarch64-unknown-linux-gnu")?) } else { None };
        Ok(Machine { isa, _trampoline_module: trampoline_module, trampoline, aarch64 })
    }
}

pub struct CraneliftBackend {
    machine: std::cell::OnceCell<Result<Machine, String>>,
    layout: Layout,
    config: JitConfig,
    budget: Rc<CodeBudget>,
    stats: Rc<JitStats>,
    safepoint_flags: [usize; 2],
}

impl CraneliftBackend {
    pub fn new(vm: &Vm, config: JitConfig) -> Result<CraneliftBackend, String> {
        // Fail early on a host Cranelift does not support.
        cranelift_native::builder().map_err(|e| e.to_string())?;
        let collect = heap::collection_flag_address();
        let interrupted = vm.interrupted.as_ptr() as usize;
        let budget = Rc::new(CodeBudget::new(config.code_limit.unwrap_or(DEFAULT_CODE_LIMIT)));
        Ok(CraneliftBackend {
            machine: std::cell::OnceCell::new(),
            layout: Layout::probe(),
            budget,
            stats: Rc::new(JitStats::default()),
            safepoint_flags: [collect as usize, interrupted],
            config,
        })
    }

    fn try_compile(&self, executor: &TraceExecutor) -> Result<NativeTrace, String> {
        let machine = self.machine.get_or_init(|| Machine::new(&self.config)).as_ref().map_err(Clone::clone)?;
        let links: Box<[Cell<usize>]> = executor.exits.iter().map(|_| Cell::new(0)).collect();
        let input = TraceInput {
            exit_links: links.as_ptr() as usize,
            chain_counter: self.stats.chained.as_ptr() as usize,
            trace: &executor.trace,
            validity_flag: executor.validity_flag() as usize,
            safepoint_flags: self.safepoint_flags,
            layout: &self.layout,
            peel_loop: !self.config.no_peel,
        };
        if let Some(aarch64) = &machine.aarch64 {
            match compile_for_isa(&input, &**aarch64) {
                Ok(size) if size > 0 => self.stats.cross_compiled.set(self.stats.cross_compiled.get() + 1),
                Ok(_) | Err(_) => self.stats.cross_failures.set(self.stats.cross_failures.get() + 1),
            }
        }
        let mut func = Function::new();
        let mut builder_context = FunctionBuilderContext::new();
        lower_trace(
            &mut func,
            &mut builder_context,
            &input,
            machine.isa.default_call_conv(),
            machine.isa.frontend_config(),
        );
        let signature = func.signature.clone();
        let params = func.params.clone();
        let mut context = Context::for_function(func);
        let dumping = self.config.dump.is_some();
        let ir_text = if dumping { Some(context.func.display().to_string()) } else { None };
        context.set_disasm(dumping);
        let compiled = context
            .compile(&*machine.isa, &mut ControlPlane::default())
            .map_err(|e| format!("cranelift: {:?}", e.inner))?;
        if !compiled.buffer.relocs().is_empty() {
            return Err("compiled code needs relocations".into());
        }
        let code_size = compiled.code_buffer().len();
        let alignment = compiled.buffer.alignment as u64;
        let disassembly = if dumping {
            machine.isa.to_capstone().ok().and_then(|cs| compiled.disassemble(Some(&params), &cs).ok())
        } else {
            None
        };
        let charge = CodeBudget::charge_for(code_size);
        if !self.budget.reserve(charge) {
            return Err("code memory bound reached".into());
        }
        let mut module = JITModule::new(JITBuilder::with_isa(machine.isa.clone(), default_libcall_names()));
        let defined = define_trace(&mut module, &signature, alignment, compiled.code_buffer());
        let id = match defined {
            Ok(id) => id,
            Err(e) => {
                self.budget.release(charge);
                // SAFETY: nothing of this module was ever called.
                unsafe { module.free_memory() };
                return Err(format!("cranelift-jit: {e}"));
            }
        };
        let entry = module.get_finalized_function(id);
        if let Some(dump) = &self.config.dump {
            write_dump(dump.as_deref(), executor.id, ir_text.as_deref(), disassembly.as_deref());
        }
        if self.config.perf_map {
            write_perf_map_entry(entry as usize, code_size, executor.id);
        }
        self.stats.code_bytes.set(self.stats.code_bytes.get() + code_size as u64);
        let entry_cell = Rc::new(EntryCell {
            code: Cell::new(entry as usize),
            executor: Cell::new(executor as *const TraceExecutor as usize),
        });
        Ok(NativeTrace {
            _module: CodeModule::new(module),
            entry,
            entry_cell,
            link_owners: RefCell::new(vec![None; links.len()]),
            links,
            trampoline: machine.trampoline,
            charge,
            budget: self.budget.clone(),
            stats: self.stats.clone(),
        })
    }
}

impl Backend for CraneliftBackend {
    fn compile(&self, executor: &TraceExecutor) -> Option<Rc<dyn NativeCode>> {
        let start = Instant::now();
        let result = self.try_compile(executor);
        self.stats.compile_time.set(self.stats.compile_time.get() + start.elapsed());
        match result {
            Ok(trace) => {
                self.stats.compiled.set(self.stats.compiled.get() + 1);
                Some(Rc::new(trace))
            }
            Err(_) => {
                self.stats.failed.set(self.stats.failed.get() + 1);
                None
            }
        }
    }

    fn report(&self) -> String {
        use std::fmt::Write as _;
        let s = &self.stats;
        let b = &self.budget;
        let mut out = String::new();
        let _ = writeln!(out, "jit: traces compiled: {}", s.compiled.get());
        let _ = writeln!(out, "jit: traces not compiled: {}", s.failed.get());
        let _ = writeln!(out, "jit:   refused (code memory bound): {}", b.refused.get());
        let _ = writeln!(out, "jit: compile time: {:.3} ms", s.compile_time.get().as_secs_f64() * 1e3);
        let _ = writeln!(out, "jit: code bytes compiled: {}", s.code_bytes.get());
        let _ = writeln!(out, "jit: code memory live: {} bytes", b.live.get());
        let _ = writeln!(out, "jit: code memory peak: {} bytes", b.peak.get());
        let _ = writeln!(out, "jit: code memory limit: {} bytes", b.limit);
        let _ = writeln!(out, "jit: code modules freed: {}", b.freed_modules.get());
        let _ = writeln!(out, "jit: native trace runs: {}", s.native_runs.get());
        let _ = writeln!(out, "jit: jumps from trace to trace: {}", s.chained.get());
        if self.config.cross_aarch64 {
            let _ = writeln!(out, "jit: aarch64 cross-compiled: {}", s.cross_compiled.get());
            let _ = writeln!(out, "jit: aarch64 cross-compile failures: {}", s.cross_failures.get());
        }
        out
    }
}

/// An executor's machine code.
pub struct NativeTrace {
    /// The code's module, freed when the trace is dropped.
    _module: CodeModule,
    /// The trace's function (`tail` convention).
    entry: *const u8,
    /// Where traces linked to this one jump.
    entry_cell: Rc<EntryCell>,
    /// Per exit: the address of the linked trace's `EntryCell`, or 0. Compiled code
    /// reads it.
    links: Box<[Cell<usize>]>,
    /// Per exit: the linked cell, kept alive while linked.
    link_owners: RefCell<Vec<Option<Rc<EntryCell>>>>,
    trampoline: TrampolineFn,
    charge: usize,
    budget: Rc<CodeBudget>,
    stats: Rc<JitStats>,
}

impl NativeCode for NativeTrace {
    fn run(&self, vm: &mut Vm, executor: &TraceExecutor) -> (Outcome, Option<Rc<TraceExecutor>>) {
        self.stats.native_runs.set(self.stats.native_runs.get() + 1);
        let mut context = JitContext::new(vm, executor);
        // SAFETY: `entry` is the finalized function of this trace's module, alive as
        // long as `self`, compiled for this executor's trace with the trace signature
        // the trampoline calls; the context points at the live VM and executor. The
        // traces it jumps to stay alive during the run (tier 2 defers every drop of
        // executors and code until no trace runs).
        let result = unsafe { (self.trampoline)(self.entry, &mut context) };
        let outcome = if result == RETURN_ERROR {
            let error = context
                .error
                .take()
                .unwrap_or_else(|| PyErr::new(ExcType::RuntimeError, "compiled trace left without an exception"));
            Outcome::Error(error)
        } else {
            Outcome::Exit(result as u16)
        };
        executor.loop_passes.set(executor.loop_passes.get() + context.loop_passes);
        let ended_in = context.executor;
        let switched = if std::ptr::eq(ended_in, executor) {
            None
        } else {
            // SAFETY: every executor comes from `Rc::new` in tier 2's `executor::build`
            // and the entry cells hold `Rc::as_ptr` of it; the one the run ended in is
            // alive (drops are deferred while traces run), so taking one more strong
            // reference to it is sound.
            Some(unsafe {
                Rc::increment_strong_count(ended_in);
                Rc::from_raw(ended_in)
            })
        };
        (outcome, switched)
    }

    fn link_exit(&self, exit: u16, target: Option<&Rc<dyn NativeCode>>) {
        let cell = target.and_then(|t| t.as_any().downcast_ref::<NativeTrace>()).map(|t| t.entry_cell.clone());
        let Some(slot) = self.links.get(exit as usize) else { return };
        slot.set(cell.as_ref().map(|c| Rc::as_ptr(c) as usize).unwrap_or(0));
        self.link_owners.borrow_mut()[exit as usize] = cell;
    }

    fn invalidate(&self) {
        self.entry_cell.code.set(0);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Compiles the trampoline Rust enters traces through.
fn compile_trampoline(isa: &Arc<dyn TargetIsa>) -> Result<(CodeModule, TrampolineFn), String> {
    use cranelift_codegen::ir::{types, AbiParam, InstBuilder, UserFuncName};
    use cranelift_codegen::isa::CallConv;
    let mut signature = Signature::new(isa.default_call_conv());
    signature.params.push(AbiParam::new(types::I64));
    signature.params.push(AbiParam::new(types::I64));
    signature.returns.push(AbiParam::new(types::I32));
    let mut func = Function::with_name_signature(UserFuncName::user(0, 1), signature.clone());
    let mut builder_context = FunctionBuilderContext::new();
    {
        let mut b = cranelift_frontend::FunctionBuilder::new(&mut func, &mut builder_context);
        let block = b.create_block();
        b.append_block_params_for_function_params(block);
        b.switch_to_block(block);
        let (code, ctx) = (b.block_params(block)[0], b.block_params(block)[1]);
        let mut trace_signature = Signature::new(CallConv::Tail);
        trace_signature.params.push(AbiParam::new(types::I64));
        trace_signature.returns.push(AbiParam::new(types::I32));
        let sig = b.import_signature(trace_signature);
        let call = b.ins().call_indirect(sig, code, &[ctx]);
        let result = b.inst_results(call)[0];
        b.ins().return_(&[result]);
        b.seal_all_blocks();
        b.finalize(isa.frontend_config());
    }
    let mut context = Context::for_function(func);
    let compiled =
        context.compile(&**isa, &mut ControlPlane::default()).map_err(|e| format!("cranelift: {:?}", e.inner))?;
    let alignment = compiled.buffer.alignment as u64;
    let mut module = JITModule::new(JITBuilder::with_isa(isa.clone(), default_libcall_names()));
    let id = define_trace(&mut module, &signature, alignment, compiled.code_buffer())?;
    let entry = module.get_finalized_function(id);
    // SAFETY: `entry` was compiled just above with the C signature of `TrampolineFn`.
    let trampoline = unsafe { std::mem::transmute::<*const u8, TrampolineFn>(entry) };
    Ok((CodeModule::new(module), trampoline))
}

impl Drop for NativeTrace {
    fn drop(&mut self) {
        self.entry_cell.code.set(0);
        self.budget.release(self.charge);
    }
}

/// Defines the compiled bytes as the module's one function and finalizes it.
fn define_trace(module: &mut JITModule, signature: &Signature, alignment: u64, code: &[u8]) -> Result<FuncId, String> {
    let id = module.declare_function("trace", Linkage::Local, signature).map_err(|e| e.to_string())?;
    module.define_function_bytes(id, alignment, code, &[]).map_err(|e| e.to_string())?;
    module.finalize_definitions().map_err(|e| e.to_string())?;
    Ok(id)
}

/// Appends the Cranelift IR and the disassembly to the executor's dump.
fn write_dump(dir: Option<&std::path::Path>, id: u64, ir: Option<&str>, disassembly: Option<&str>) {
    let mut text = String::new();
    text.push_str("\n-- Cranelift IR --\n");
    text.push_str(ir.unwrap_or("(unavailable)\n"));
    text.push_str("\n-- machine code --\n");
    text.push_str(disassembly.unwrap_or("(unavailable)\n"));
    match dir {
        Some(dir) => {
            let path = dir.join(format!("executor-{id:04}.txt"));
            if let Ok(mut file) = std::fs::OpenOptions::new().append(true).create(true).open(path) {
                let _ = file.write_all(text.as_bytes());
            }
        }
        None => eprint!("{text}"),
    }
}

thread_local! {
    static PERF_MAP: RefCell<Option<std::fs::File>> = const { RefCell::new(None) };
}

/// Appends `START SIZE NAME` for a compiled trace to /tmp/perf-<pid>.map.
fn write_perf_map_entry(address: usize, size: usize, id: u64) {
    PERF_MAP.with(|map| {
        let mut map = map.borrow_mut();
        if map.is_none() {
            let path = format!("/tmp/perf-{}.map", std::process::id());
            *map = std::fs::OpenOptions::new().append(true).create(true).open(path).ok();
        }
        if let Some(file) = map.as_mut() {
            let _ = writeln!(file, "{address:x} {size:x} sidewinder-trace-{id}");
        }
    });
}
