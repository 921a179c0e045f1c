//! The abstract state the optimizer's analysis works on: a symbol for every value, and
//! per projected frame its locals and value stack as symbol ids.
//!
//! A symbol stands for one runtime value, wherever it sits: `LOAD_FAST` pushes the
//! local's own symbol, so a fact learned on the stack copy (a guard passed) holds for the
//! local too. Facts only ever get more precise while the value lives; the analysis runs
//! once, linearly, from an unknown state at the trace start (nothing learned in one
//! iteration of a loop is assumed at its top).
//!
//! The facts:
//! - `Fact`: unknown, NULL, not NULL, of a known kind (`Kind`, which is what the guards
//!   test: a tagged small int is `Kind::SmallInt`), or a known constant (whose kind is
//!   read from the object, which is alive while the trace is optimized).
//! - a type version the value's type had when a `_GUARD_TYPE_VERSION` passed, valid only
//!   in the same escape epoch (an escaping uop may modify types).
//! - the uop that pushed the value when it is an inline constant that could be deleted
//!   (for constant folding).
//!
//! The root frame's stack has an unknown bottom: items the trace finds there when it
//! starts are materialized as unknown symbols when first used. An inlined frame's stack
//! starts empty; using an item below it means the trace is not what the analysis
//! expects, and the analysis stops (keeping what it already rewrote).

use sidewinder_vm::objects::kind::Kind;
use sidewinder_vm::StackRef;

/// Index of a symbol in `State::symbols`.
pub type SymId = usize;

/// What is known about a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Unknown,
    Null,
    NotNull,
    /// A value of this kind (never `Kind::Null`).
    Kind(Kind),
    /// This exact value (never NULL).
    Const(StackRef),
}

#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub fact: Fact,
    /// (type version, escape epoch): the value's type had this version in that epoch.
    pub type_version: Option<(u64, u32)>,
    /// The uop that pushed this inline constant, when it pushed nothing else.
    pub producer: Option<usize>,
}

impl Symbol {
    pub fn of(fact: Fact) -> Symbol {
        Symbol { fact, type_version: None, producer: None }
    }

    /// The kind, when known.
    pub fn kind(&self) -> Option<Kind> {
        match self.fact {
            Fact::Kind(kind) => Some(kind),
            Fact::Const(value) => Some(value.kind()),
            _ => None,
        }
    }

    /// Whether the value is NULL, when known.
    pub fn is_null(&self) -> Option<bool> {
        match self.fact {
            Fact::Unknown => None,
            Fact::Null => Some(true),
            Fact::NotNull | Fact::Kind(_) | Fact::Const(_) => Some(false),
        }
    }

    pub fn constant(&self) -> Option<StackRef> {
        match self.fact {
            Fact::Const(value) => Some(value),
            _ => None,
        }
    }
}

/// The fact for a known value (NULL is not a constant).
pub fn fact_of_value(value: StackRef) -> Fact {
    if value.is_null() {
        Fact::Null
    } else {
        Fact::Const(value)
    }
}

/// Locals and value stack of one projected frame.
#[derive(Clone, Debug)]
pub struct AbstractFrame {
    pub locals: Vec<SymId>,
    /// Bottom first.
    pub stack: Vec<SymId>,
    /// Whether items below `stack` may exist (the root frame: the trace starts with
    /// whatever the stack holds at the loop head; a resumed generator's frame).
    pub open_bottom: bool,
}

/// Why the analysis cannot go on (the trace is not shaped as expected).
#[derive(Debug)]
pub struct Stop;

pub struct State {
    pub symbols: Vec<Symbol>,
    /// One entry per `Trace::frames`, filled when the frame is entered.
    pub frames: Vec<Option<AbstractFrame>>,
    /// The projected frame the analysis is in.
    pub current: usize,
    /// Bumped by every escaping uop: type-version facts of older epochs are void.
    pub epoch: u32,
}

impl State {
    /// The state at the start of a trace: the root frame with unknown locals and stack.
    pub fn new(frame_count: usize, root_locals: usize) -> State {
        let mut state = State { symbols: Vec::new(), frames: vec![None; frame_count], current: 0, epoch: 0 };
        let locals = (0..root_locals).map(|_| state.fresh(Fact::Unknown)).collect();
        state.frames[0] = Some(AbstractFrame { locals, stack: Vec::new(), open_bottom: true });
        state
    }

    pub fn fresh(&mut self, fact: Fact) -> SymId {
        self.symbols.push(Symbol::of(fact));
        self.symbols.len() - 1
    }

    pub fn sym(&self, id: SymId) -> &Symbol {
        &self.symbols[id]
    }

    pub fn sym_mut(&mut self, id: SymId) -> &mut Symbol {
        &mut self.symbols[id]
    }

    fn frame_mut(&mut self) -> &mut AbstractFrame {
        self.frames[self.current].as_mut().expect("the current frame was entered")
    }

    /// Makes sure the stack holds at least `depth` items, materializing unknown ones
    /// below the root frame's known part.
    fn ensure_depth(&mut self, depth: usize) -> Result<(), Stop> {
        let len = self.frame_mut().stack.len();
        if len >= depth {
            return Ok(());
        }
        if !self.frame_mut().open_bottom {
            return Err(Stop);
        }
        let missing: Vec<SymId> = (0..depth - len).map(|_| self.fresh(Fact::Unknown)).collect();
        self.frame_mut().stack.splice(0..0, missing);
        Ok(())
    }

    /// The symbol `depth` items below the top (0 = the top).
    pub fn peek(&mut self, depth: usize) -> Result<SymId, Stop> {
        self.ensure_depth(depth + 1)?;
        let stack = &self.frame_mut().stack;
        Ok(stack[stack.len() - 1 - depth])
    }

    pub fn push(&mut self, id: SymId) {
        self.frame_mut().stack.push(id);
    }

    /// Pops `n` items, returned bottom first.
    pub fn pop_n(&mut self, n: usize) -> Result<Vec<SymId>, Stop> {
        self.ensure_depth(n)?;
        let stack = &mut self.frame_mut().stack;
        let at = stack.len() - n;
        Ok(stack.split_off(at))
    }

    pub fn local(&mut self, index: usize) -> SymId {
        if self.frame_mut().locals.len() <= index {
            let missing: Vec<SymId> =
                (self.frame_mut().locals.len()..=index).map(|_| self.fresh(Fact::Unknown)).collect();
            self.frame_mut().locals.extend(missing);
        }
        self.frame_mut().locals[index]
    }

    pub fn set_local(&mut self, index: usize, id: SymId) {
        self.local(index);
        self.frame_mut().locals[index] = id;
    }

    /// Records that the value has `kind` (after a guard passed or from what a uop
    /// produces). A constant keeps its more precise fact.
    pub fn learn_kind(&mut self, id: SymId, kind: Kind) {
        let sym = self.sym_mut(id);
        match sym.fact {
            Fact::Unknown | Fact::NotNull => sym.fact = Fact::Kind(kind),
            Fact::Null | Fact::Kind(_) | Fact::Const(_) => {}
        }
    }

    /// Records that the value is not NULL.
    pub fn learn_not_null(&mut self, id: SymId) {
        let sym = self.sym_mut(id);
        if sym.fact == Fact::Unknown {
            sym.fact = Fact::NotNull;
        }
    }

    /// Records that the value's type has `version` now.
    pub fn learn_type_version(&mut self, id: SymId, version: u64) {
        let epoch = self.epoch;
        self.sym_mut(id).type_version = Some((version, epoch));
    }

    /// The type version known for the value in the current epoch.
    pub fn type_version(&self, id: SymId) -> Option<u64> {
        match self.sym(id).type_version {
            Some((version, epoch)) if epoch == self.epoch => Some(version),
            _ => None,
        }
    }

    /// Enters projected frame `index`, a generator's resumed where it was stopped:
    /// unknown locals, and unknown values below what the trace pushes on its stack.
    pub fn enter_resumed(&mut self, index: usize, local_count: usize) {
        self.enter(index, local_count, &[]);
        self.frame_mut().open_bottom = true;
    }

    /// Enters projected frame `index` with these locals (the rest unknown).
    pub fn enter(&mut self, index: usize, local_count: usize, args: &[SymId]) {
        let mut locals: Vec<SymId> = args.to_vec();
        while locals.len() < local_count {
            let id = self.fresh(Fact::Unknown);
            locals.push(id);
        }
        self.frames[index] = Some(AbstractFrame { locals, stack: Vec::new(), open_bottom: false });
        self.current = index;
    }
}
