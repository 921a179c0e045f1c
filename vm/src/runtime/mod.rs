//! The VM: frames and the data stack they live on, module registry, options and the
//! entry points Rust code uses to call into Python (`call`, `call_method`, attribute
//! access). The interpreter loop itself lives in `tier1`.

pub mod async_generators;
pub mod attrs;
pub mod call;
pub mod classes;
pub mod errors;
pub mod exc_state;
pub mod frame;
pub mod frame_objects;
pub mod generators;
pub mod run;
pub mod traceback;
pub mod types;

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::objects::new;
use crate::tier1::hooks::Optimizer;
use crate::tier1::stats::Tier1Stats;
use crate::value::StackRef;

pub use frame::Frame;

/// How tier 2 runs (PYTHON_JIT).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum JitMode {
    Off,
    Interp,
    Native,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub jit: JitMode,
    pub jit_stats: bool,
    pub gc_stress: bool,
    /// Extra `-X` options, for tier 2 and the JIT to read.
    pub x_options: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { jit: JitMode::Native, jit_stats: false, gc_stress: false, x_options: Vec::new() }
    }
}

/// Most Python frames that can be live at once (the data stack is sized for it).
pub const MAX_FRAMES: usize = 120_000;
/// Slots in the data stack (locals and value stacks of all frames).
pub const DATA_STACK_SLOTS: usize = 1 << 24;
/// Slots reserved above each frame's computed stack size (scratch for array outputs).
pub const STACK_SLACK: usize = 8;

pub struct Vm {
    /// The frame stack; never reallocated (capacity MAX_FRAMES), so frame pointers stay valid.
    pub frames: Vec<Frame>,
    /// Raw words of the data stack (StackRefs); allocated zeroed so that untouched
    /// pages cost no memory.
    pub(crate) data_stack: Box<[usize]>,
    /// Index of the first free slot of the data stack.
    pub(crate) data_top: usize,
    pub builtins: StackRef,
    pub modules: HashMap<String, StackRef>,
    pub recursion_limit: usize,
    pub argv: Vec<String>,
    pub options: Options,
    pub optimizer: Option<Box<dyn Optimizer>>,
    pub stats: Tier1Stats,
    /// Set by the SIGINT handler; checked at safepoints.
    pub interrupted: Arc<AtomicBool>,
    /// Nesting of Rust-level interpreter entries (builtins calling Python).
    pub native_depth: usize,
    /// Generators suspended since the last collection, whose references may still be
    /// uncounted (`count_suspended_generators` counts them before each collection).
    pub(crate) uncounted_generators: Vec<StackRef>,
}

impl Vm {
    /// A VM with builtins installed and no module running yet.
    pub fn new(options: Options, argv: Vec<String>) -> Vm {
        types::bootstrap();
        crate::heap::set_stress(options.gc_stress);
        let builtins = new::dict();
        crate::heap::make_immortal(builtins);
        let mut vm = Vm {
            frames: Vec::with_capacity(MAX_FRAMES + 8),
            data_stack: vec![0usize; DATA_STACK_SLOTS].into_boxed_slice(),
            data_top: 0,
            builtins,
            modules: HashMap::new(),
            recursion_limit: 1000,
            argv,
            options,
            optimizer: None,
            stats: Tier1Stats::default(),
            interrupted: Arc::new(AtomicBool::new(false)),
            native_depth: 0,
            uncounted_generators: Vec::new(),
        };
        crate::builtins::install(&mut vm);
        vm
    }

    /// The innermost frame.
    pub fn frame(&self) -> &Frame {
        self.frames.last().expect("a running frame")
    }

    /// Reports every value held by any frame (the collector's roots).
    pub fn walk_roots(&self, visit: &mut dyn FnMut(StackRef)) {
        for frame in &self.frames {
            frame.walk(visit);
        }
        exc_state::walk(visit);
    }

    /// Runs a collection now (only at a safepoint: every frame's sp is in memory).
    pub fn collect_garbage(&mut self) {
        self.count_suspended_generators();
        crate::heap::collect(&mut |visit| self.walk_roots(visit));
    }
}
